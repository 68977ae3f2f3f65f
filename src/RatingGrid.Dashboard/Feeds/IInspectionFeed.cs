using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>Where the inspection page gets an inspection, and each newer version of it, from.</summary>
public interface IInspectionFeed
{
    Task<Inspection> GetAsync(string inspectionId, CancellationToken cancellationToken);

    /// <summary>Each version after <paramref name="afterVersion"/>, as it is written, until cancelled.</summary>
    IAsyncEnumerable<Inspection> WatchAsync(string inspectionId, long afterVersion, CancellationToken cancellationToken);
}
