using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>
/// A page of the nation's changes: the standings of every inspection that changed after the
/// sequence number asked for, up to <paramref name="UpTo"/>, in the numbering of <paramref name="Epoch"/>
/// (one per activation of the nation). An inspection being corrected has two: its newest and its
/// standing as last published.
/// </summary>
/// <param name="More">Whether further changes are already waiting: ask again at once.</param>
[GenerateSerializer, Immutable, Alias("RatingGrid.StandingChanges")]
public sealed record StandingChanges(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long UpTo,
    [property: Id(2)] bool More,
    [property: Id(3)] IReadOnlyList<Standing> Standings);
