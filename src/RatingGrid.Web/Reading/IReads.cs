using RatingGrid.Contracts.V1;

namespace RatingGrid.Web.Reading;

/// <summary>
/// What the pages read from the service: its finished answers, once for a page's first response and
/// then, for the live parts, each newer version (followed through breaks by the client library).
/// </summary>
public interface IReads
{
    /// <summary>The regions the signed-in person may see, by name.</summary>
    Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken);

    Task<RegionPdus> RegionPdusAsync(string region, CancellationToken cancellationToken);

    Task<NationOverview> NationOverviewAsync(ReportRequest request, CancellationToken cancellationToken);

    Task<Inspection> InspectionAsync(string inspectionId, CancellationToken cancellationToken);

    /// <summary>The figures per case type and trait value (GetBreakdowns).</summary>
    Task<IReadOnlyList<Breakdown>> BreakdownsAsync(string inspectionId, CancellationToken cancellationToken);

    /// <summary>Every revision of one case, oldest first (GetCaseHistory).</summary>
    Task<CaseHistory> CaseHistoryAsync(string inspectionId, string caseId, CancellationToken cancellationToken);

    IAsyncEnumerable<RegionPdus> WatchRegionPdusAsync(string region, long afterVersion, CancellationToken cancellationToken);

    IAsyncEnumerable<NationOverview> WatchNationOverviewAsync(ReportRequest request, long afterVersion, CancellationToken cancellationToken);

    IAsyncEnumerable<Inspection> WatchInspectionAsync(string inspectionId, long afterVersion, CancellationToken cancellationToken);
}
