using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Figures;

/// <summary>
/// What a report counts under one rulebook: for the current picture each PDU once (by its newest
/// inspection); for a period every inspection in it. The noun says which, wherever it is shown.
/// </summary>
public sealed record Tally(string Rulebook, string Noun, int Count, RatingCounts Overall, IReadOnlyList<StandardCounts> Standards)
{
    public static Tally Of(RulebookFigures figures, bool period) => period
        ? new(Name(figures.Rulebook), "inspections", figures.Inspections, figures.Overall ?? new RatingCounts(), figures.Standards)
        : new(Name(figures.Rulebook), "PDUs", figures.Current?.Pdus ?? 0, figures.Current?.Overall ?? new RatingCounts(), figures.Current?.Standards ?? []);

    /// <summary>The report's tallies summed over its rulebooks: how the regions table compares regions.</summary>
    public static (int Count, RatingCounts Overall) Total(Report report, bool period)
    {
        var total = new RatingCounts();
        var count = 0;
        foreach (var tally in report.Rulebooks.Select(r => Of(r, period)))
        {
            count += tally.Count;
            total.Outstanding += tally.Overall.Outstanding;
            total.Good += tally.Overall.Good;
            total.RequiresImprovement += tally.Overall.RequiresImprovement;
            total.Inadequate += tally.Overall.Inadequate;
            total.Unrated += tally.Overall.Unrated;
        }

        return (count, total);
    }

    private static string Name(RulebookRef? rulebook) => rulebook is null ? "" : $"{rulebook.Id} (version {rulebook.Version})";
}
