using RatingGrid.Contracts.V1;
using RatingGrid.Grains;
using WireSummary = RatingGrid.Contracts.V1.InspectionSummary;

namespace RatingGrid.Host.Grpc;

/// <summary>Maps regional and national figures to the wire contract.</summary>
internal static class AggregationMapping
{
    public static AggregateFigures ToWire(this AggregateView view) => new()
    {
        Scope = view.Key.StartsWith("region/", StringComparison.Ordinal) ? view.Key["region/".Length..] : view.Key,
        Version = view.Version,
        Rulebooks = { view.Rulebooks.Select(ToWire) },
    };

    public static RulebookFigures ToWire(this AggregateFiguresView figures) => new()
    {
        Rulebook = new RulebookRef { Id = figures.RulebookId, Version = figures.RulebookVersion },
        Inspections = figures.Inspections,
        Cases = figures.Cases,
        KeyQuestions = { figures.KeyQuestions.Select(k => k.ToWire()) },
        Breakdowns = { figures.Breakdowns.Select(b => b.ToWire()) },
        Overall = figures.Overall.ToWire(),
        Standards = { figures.Standards.Select(s => new StandardCounts { StandardId = s.StandardId, Counts = s.Counts.ToWire() }) },
    };

    public static RatingCounts ToWire(this RatingCountsView counts) => new()
    {
        Inadequate = counts.ByRating[0],
        RequiresImprovement = counts.ByRating[1],
        Good = counts.ByRating[2],
        Outstanding = counts.ByRating[3],
        Unrated = counts.Unrated,
    };

    public static WireSummary ToWire(this Grains.InspectionSummary summary) => new()
    {
        InspectionId = summary.InspectionId,
        PduName = summary.PduName,
        Region = summary.Region,
        Rulebook = new RulebookRef { Id = summary.RulebookId, Version = summary.RulebookVersion },
        Version = summary.Version,
        Overall = summary.Overall.ToWire(),
        Score = summary.Score,
        Cases = summary.Cases,
        Standards = { summary.Standards.Select(s => new StandardRating { StandardId = s.StandardId, Rating = s.Rating.ToWire() }) },
    };
}
