using Google.Protobuf.WellKnownTypes;
using RatingGrid.Contracts.V1;
using RatingGrid.Grains;
using Results = RatingGrid.Contracts.V1.Results;

namespace RatingGrid.Host.Grpc;

/// <summary>Maps between the wire contract and the grains' records. Enum numbering differs by design (wire enums start at UNSPECIFIED).</summary>
internal static class Mapping
{
    public static Rating ToWire(this Domain.Rulebooks.Rating? rating) => rating is { } r ? (Rating)((int)r + 1) : Rating.Unspecified;

    public static Domain.Rulebooks.Rating? ToDomain(this Rating rating) =>
        rating == Rating.Unspecified ? null : (Domain.Rulebooks.Rating)((int)rating - 1);

    public static ChangeOutcome ToWire(this Domain.Ledger.ChangeOutcome outcome) => (ChangeOutcome)((int)outcome + 1);

    public static StandardKind ToWire(this Domain.Rulebooks.StandardKind kind) => (StandardKind)((int)kind + 1);

    public static Domain.Ledger.Answer ToDomain(this Answer answer) => (Domain.Ledger.Answer)(int)answer;

    public static Answer ToWire(this Domain.Ledger.Answer answer) => (Answer)(int)answer;

    public static DateOnly ToDomain(this Date date) => new(date.Year, date.Month, date.Day);

    public static Date ToWire(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    // Runs for every judgement received: exact-size arrays, no enumerators.
    public static JudgementInput ToGrain(this Judgement judgement)
    {
        var traits = new Domain.Ledger.CaseTrait[judgement.Traits.Count];
        for (var i = 0; i < traits.Length; i++)
        {
            traits[i] = new Domain.Ledger.CaseTrait(judgement.Traits[i].Name, judgement.Traits[i].Value);
        }

        var answers = new Domain.Ledger.KeyQuestionAnswer[judgement.Answers.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = new Domain.Ledger.KeyQuestionAnswer(judgement.Answers[i].KeyQuestionId, judgement.Answers[i].Answer.ToDomain());
        }

        return new JudgementInput(judgement.CaseId, judgement.Revision, judgement.CaseType, traits, answers);
    }

    public static Judgement ToWire(this JudgementInput judgement) => new()
    {
        CaseId = judgement.CaseId,
        Revision = judgement.Revision,
        CaseType = judgement.CaseType,
        Traits = { judgement.Traits.Select(t => new Trait { Name = t.Name, Value = t.Value }) },
        Answers = { judgement.Answers.Select(a => new KeyQuestionAnswer { KeyQuestionId = a.KeyQuestionId, Answer = a.Answer.ToWire() }) },
    };

    public static Inspection ToWire(this InspectionView view) => new()
    {
        InspectionId = view.InspectionId,
        PduId = view.Details.PduId,
        PduName = view.Details.PduName,
        Region = view.Details.Region,
        Rulebook = new RulebookRef { Id = view.Details.RulebookId, Version = view.Details.RulebookVersion },
        FieldworkStart = view.Details.FieldworkStart.ToWire(),
        FieldworkEnd = view.Details.FieldworkEnd.ToWire(),
        Status = view.Status == Grains.InspectionStatus.Closed ? Contracts.V1.InspectionStatus.Closed : Contracts.V1.InspectionStatus.Open,
        Version = view.Version,
        LastChangedAt = Timestamp.FromDateTimeOffset(view.LastChangedAt),
        Results = view.Results.ToWire(),
    };

    public static Results ToWire(this ResultsView results) => new()
    {
        Rulebook = new RulebookRef { Id = results.RulebookId, Version = results.RulebookVersion },
        Cases = results.Cases,
        KeyQuestions = { results.KeyQuestions.Select(ToWire) },
        Standards = { results.Standards.Select(ToWire) },
        Overall = results.Overall.ToWire(),
    };

    public static RatingsSummary ToSummary(this ResultsView results) => new()
    {
        Cases = results.Cases,
        Standards = { results.Standards.Select(ToWire) },
        Overall = results.Overall.ToWire(),
    };

    public static KeyQuestionFigures ToWire(this KeyQuestionView k)
    {
        var figures = new KeyQuestionFigures
        {
            KeyQuestionId = k.KeyQuestionId,
            StandardId = k.StandardId,
            Yes = k.Yes,
            No = k.No,
            NotApplicable = k.NotApplicable,
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

    public static StandardRating ToWire(this StandardView s)
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

    public static Overall ToWire(this OverallView o) => new()
    {
        Score = o.Score,
        MaxScore = o.MaxScore,
        Rating = o.Rating.ToWire(),
        Provisional = o.IsProvisional,
        LowestReachableScore = o.LowestReachableScore,
        HighestReachableScore = o.HighestReachableScore,
        PossibleRatings = { o.PossibleRatings.Select(r => ((Domain.Rulebooks.Rating?)r).ToWire()) },
    };

    public static Breakdown ToWire(this BreakdownView b) => new()
    {
        Dimension = b.Dimension,
        Value = b.Value,
        Cases = b.Cases,
        KeyQuestions = { b.KeyQuestions.Select(ToWire) },
        Standards = { b.Standards.Select(ToWire) },
    };

    public static CaseRevision ToWire(this CaseRevisionView r)
    {
        var revision = new CaseRevision
        {
            Revision = r.Revision,
            Withdrawn = r.Withdrawn,
            Actor = r.Actor,
            ReceivedAt = Timestamp.FromDateTimeOffset(r.ReceivedAt),
        };
        if (r.Judgement is { } judgement)
        {
            revision.Judgement = judgement.ToWire();
        }

        return revision;
    }

    public static JudgementsAck ToAck(this BatchReceipt receipt, ulong batchId, string inspectionId) => new()
    {
        BatchId = batchId,
        InspectionId = inspectionId,
        Version = receipt.Version,
        Outcomes = { receipt.Outcomes.Select(ToWire) },
        Summary = receipt.Results.ToSummary(),
    };

    public static ChangeAck ToAck(this ChangeReceipt receipt, string inspectionId) => new()
    {
        InspectionId = inspectionId,
        Version = receipt.Version,
        Outcome = receipt.Outcome.ToWire(),
        Summary = receipt.Results.ToSummary(),
    };

    public static Contracts.V1.Rulebook ToWire(this Domain.Rulebooks.Rulebook rulebook) => new()
    {
        Ref = new RulebookRef { Id = rulebook.Id, Version = rulebook.Version },
        Title = rulebook.Title,
        CaseTypes = { rulebook.CaseTypes },
        Standards =
        {
            rulebook.Standards.Select(s => new Standard
            {
                Id = s.Id,
                Name = s.Name,
                Kind = s.Kind.ToWire(),
                KeyQuestions = { s.KeyQuestions.Select(k => new KeyQuestion { Id = k.Id, Focus = k.Focus, Wording = k.Wording }) },
            }),
        },
        CaseBands = { rulebook.CaseBands.Select(b => new CaseBand { Rating = ((Domain.Rulebooks.Rating?)b.Rating).ToWire(), FromPercent = b.FromPercent, ToPercent = b.ToPercent }) },
        BandingBasis = rulebook.BandingBasis == Domain.Rulebooks.BandingBasis.ExactFraction ? BandingBasis.ExactFraction : BandingBasis.RoundedWholePercent,
        MinimumApplicableCases = rulebook.MinimumApplicableCases,
        Points = { rulebook.Points.OrderBy(p => p.Key).Select(p => new RatingPoints { Rating = ((Domain.Rulebooks.Rating?)p.Key).ToWire(), Points = p.Value }) },
        OverallBands = { rulebook.OverallBands.Select(b => new OverallBand { Rating = ((Domain.Rulebooks.Rating?)b.Rating).ToWire(), FromScore = b.FromScore, ToScore = b.ToScore }) },
        MaxScore = rulebook.MaxScore,
    };
}
