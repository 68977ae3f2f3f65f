using RatingGrid.Domain.Scoring;

// The Domain stays free of Orleans; its enums (Answer, Rating, ChangeOutcome, StandardKind) cross
// grain calls, so their codecs are generated here.
[assembly: GenerateCodeForDeclaringAssembly(typeof(Answer))]
