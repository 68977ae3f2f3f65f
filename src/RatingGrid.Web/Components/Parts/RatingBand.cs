using RatingGrid.Client.Display;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Web.Components.Parts;

/// <summary>One column of a ratings chart: its name, its colour and how to read its count.</summary>
public sealed record RatingBand(string Name, string Colour, Func<RatingCounts, int> Count)
{
    /// <summary>Best first, as the inspectorate lists them; "not yet rated" last (provisional overall ratings).</summary>
    public static IReadOnlyList<RatingBand> All { get; } =
    [
        new(Rating.Outstanding.Name(), "#00703c", c => c.Outstanding),
        new(Rating.Good.Name(), "#1d70b8", c => c.Good),
        new(Rating.RequiresImprovement.Name(), "#f47738", c => c.RequiresImprovement),
        new(Rating.Inadequate.Name(), "#d4351c", c => c.Inadequate),
        new(Names.NotYetRated, "#b1b4b6", c => c.Unrated),
    ];

    /// <summary>A standard's bands: a rating a published report did not give is counted apart, after the rest.</summary>
    public static IReadOnlyList<RatingBand> Standards { get; } = [.. All, new(Names.NotPublished, "#ffffff", c => c.NotPublished)];
}
