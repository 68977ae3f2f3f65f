using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>Where the inspection page gets an inspection, and each newer version of it, from.</summary>
public interface IInspectionFeed
{
    Task<Inspection> GetAsync(string inspectionId, CancellationToken cancellationToken);

    /// <summary>Each version after <paramref name="afterVersion"/>, as it is written, until cancelled; a break is resumed, and told to <paramref name="broken"/>.</summary>
    IAsyncEnumerable<Inspection> WatchAsync(string inspectionId, long afterVersion, Action<Exception> broken, CancellationToken cancellationToken);

    /// <summary>The figures per case type and trait value (GetBreakdowns).</summary>
    Task<IReadOnlyList<Breakdown>> BreakdownsAsync(string inspectionId, CancellationToken cancellationToken);

    /// <summary>Every revision of one case, oldest first (GetCaseHistory).</summary>
    Task<CaseHistory> CaseHistoryAsync(string inspectionId, string caseId, CancellationToken cancellationToken);
}
