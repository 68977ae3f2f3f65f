using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// Which inspections a question is about: those of one region, under one rulebook, with one overall
/// rating (each null for any). The scope (region, rulebook) narrows what is counted before a PDU's
/// newest inspection is chosen; the rating filters what was counted, so a PDU whose newest
/// inspection has another rating is left out rather than counted by an older one.
/// </summary>
public sealed record StandingFilter(string? Region = null, string? RulebookId = null, Rating? Overall = null)
{
    public static StandingFilter Any { get; } = new();

    /// <summary>Whether the standing is in the region and under the rulebook asked for.</summary>
    public bool InScope(Standing standing) =>
        (RulebookId is null || standing.Rulebook.Id == RulebookId) && (Region is null || standing.Region == Region);

    /// <summary>Whether the standing has the overall rating asked for.</summary>
    public bool HasRating(Standing standing) => Overall is null || standing.Overall == Overall;

    public bool Matches(Standing standing) => InScope(standing) && HasRating(standing);
}
