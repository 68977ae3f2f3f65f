using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>
/// Where every inspection's standings meet: one grain for the nation, which keeps each inspection's
/// newest standing and its standing as last published, numbers every change it takes, and hands
/// the changes to each host, which keeps its own copy of the nation's and every region's figures
/// and answers reads from it. It stores nothing of its own: on activation it rebuilds itself from
/// the standings table the inspections write. Standings replace by version, so a repeated, retried
/// or late one changes nothing.
/// </summary>
public interface INationGrain : IGrainWithStringKey
{
    /// <summary>Takes newer standings, ignores older or repeated ones. Retry: safe.</summary>
    Task PublishAsync(IReadOnlyList<Standing> standings);

    /// <summary>
    /// The changes after <paramref name="after"/> in <paramref name="epoch"/> (every standing held,
    /// from the start, if the epoch is not this activation's), at most a page of them; when there are
    /// none yet, waits up to <paramref name="wait"/> for one. Retry: safe.
    /// </summary>
    Task<StandingChanges> FollowAsync(Guid epoch, long after, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>One inspection's newest standing held here, or null.</summary>
    Task<Standing?> GetStandingAsync(string inspectionId);
}
