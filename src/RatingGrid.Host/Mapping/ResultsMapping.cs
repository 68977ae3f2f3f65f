using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Host.Mapping;

/// <summary>The Domain's figures (key questions, standards, overall, breakdowns) on the wire.</summary>
internal static class ResultsMapping
{
    public static Contracts.V1.Results ToWire(this InspectionResults results) => new()
    {
        Rulebook = new RulebookRef { Id = results.Rulebook.Id, Version = results.Rulebook.Version },
        Cases = results.Cases,
        KeyQuestions = { results.KeyQuestions.Select(ToWire) },
        Standards = { results.Standards.Select(ToWire) },
        Overall = results.Overall.ToWire(),
    };

    public static RatingsSummary ToSummary(this InspectionResults results) => new()
    {
        Cases = results.Cases,
        Standards = { results.Standards.Select(ToWire) },
        Overall = results.Overall.ToWire(),
    };

    public static KeyQuestionFigures ToWire(this KeyQuestionResult k)
    {
        var figures = new KeyQuestionFigures
        {
            KeyQuestionId = k.KeyQuestionId,
            StandardId = k.StandardId,
            Yes = k.Tally.Yes,
            No = k.Tally.No,
            NotApplicable = k.Tally.NotApplicable,
            Applicable = k.Applicable,
            HasData = k.HasData,
        };
        if (k.ExactPercent is { } exact)
        {
            figures.ExactPercent = exact;
        }

        if (k.RoundedPercent is { } rounded)
        {
            figures.RoundedPercent = rounded;
        }

        return figures;
    }

    public static StandardRating ToWire(this StandardResult s)
    {
        var rating = new StandardRating
        {
            StandardId = s.StandardId,
            Name = s.Name,
            Kind = s.Kind.ToWire(),
            Rating = s.Rating.ToWire(),
            Provisional = s.IsProvisional,
            DrivenBy = s.DrivenBy ?? "",
            Rationale = s.Rationale ?? "",
        };
        if (s.Points is { } points)
        {
            rating.Points = points;
        }

        return rating;
    }

    public static Overall ToWire(this OverallResult o) => new()
    {
        Score = o.Score,
        MaxScore = o.MaxScore,
        Rating = o.Rating.ToWire(),
        Provisional = o.IsProvisional,
        LowestReachableScore = o.LowestReachableScore,
        HighestReachableScore = o.HighestReachableScore,
        PossibleRatings = { o.PossibleRatings.Select(r => r.ToWire()) },
    };

    public static Breakdown ToWire(this BreakdownResult b) => new()
    {
        Dimension = b.Key.Dimension,
        Value = b.Key.Value,
        Cases = b.Cases,
        KeyQuestions = { b.KeyQuestions.Select(ToWire) },
        Standards = { b.Standards.Select(ToWire) },
    };
}
