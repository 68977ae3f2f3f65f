using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;
using RatingGrid.Domain.Statistics;

namespace RatingGrid.Host.Mapping;

/// <summary>The Domain's figures (key questions, standards, overall, breakdowns) on the wire.</summary>
internal static class ResultsMapping
{
    public static Contracts.V1.Results ToWire(this InspectionResults results)
    {
        var rulebook = RulebookCatalog.BuiltIn.Get(results.Rulebook);
        return new()
        {
            Rulebook = new RulebookRef { Id = results.Rulebook.Id, Version = results.Rulebook.Version },
            Cases = results.Cases,
            KeyQuestions = { results.KeyQuestions.Select(k => k.ToWire(rulebook)) },
            Standards = { results.Standards.Select(s => s.ToWire(rulebook, results.KeyQuestions)) },
            Overall = results.Overall.ToWire(),
        };
    }

    public static RatingsSummary ToSummary(this InspectionResults results) => new()
    {
        Cases = results.Cases,
        Standards = { results.Standards.Select(ToWire) },
        Overall = results.Overall.ToWire(),
    };

    /// <summary>A key question's figures; with its rulebook, how far it is from another band too.</summary>
    public static KeyQuestionFigures ToWire(this KeyQuestionResult k, Domain.Rulebooks.Rulebook? rulebook = null)
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

        if (WilsonInterval.Of(k.Yes, k.Applicable) is { } interval)
        {
            figures.Interval95 = new PercentInterval { LowerPercent = interval.LowerPercent, UpperPercent = interval.UpperPercent };
        }

        if (rulebook is not null && k.Applicable > 0)
        {
            figures.Headroom = Headroom.Of(rulebook, k.Tally).ToWire();
        }

        return figures;
    }

    public static StandardRating ToWire(this StandardResult s, Domain.Rulebooks.Rulebook rulebook, IReadOnlyList<KeyQuestionResult> keyQuestions)
    {
        var rating = s.ToWire();
        if (s.Kind == Domain.Rulebooks.StandardKind.CaseRated && s.IsRated)
        {
            rating.Headroom = Headroom.OfStandard(rulebook, s, keyQuestions).ToWire();
        }

        return rating;
    }

    public static Contracts.V1.BandHeadroom ToWire(this Domain.Statistics.BandHeadroom headroom)
    {
        var wire = new Contracts.V1.BandHeadroom();
        if (headroom.YesToLift is { } lift)
        {
            wire.YesToLift = lift;
        }

        if (headroom.NoToLower is { } lower)
        {
            wire.NoToLower = lower;
        }

        return wire;
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
        KeyQuestions = { b.KeyQuestions.Select(k => k.ToWire()) },
        Standards = { b.Standards.Select(s => s.ToWire()) },
    };
}
