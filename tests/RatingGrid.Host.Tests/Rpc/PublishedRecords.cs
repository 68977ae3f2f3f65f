using RatingGrid.Contracts.V1;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Published reports as RecordPublishedInspection takes them.</summary>
internal static class PublishedRecords
{
    /// <summary>A report as the inspectorate published Sunderland's in 2025: its overall rating, publication year and source only.</summary>
    public static PublishedReport Report(Rating overall = Rating.RequiresImprovement) => new()
    {
        Overall = overall,
        Published = new StatedDates { AsStated = "2025", Earliest = new Date { Year = 2025, Month = 1, Day = 1 }, Latest = new Date { Year = 2025, Month = 12, Day = 31 } },
        SourceUrl = "https://hmiprobation.justiceinspectorates.gov.uk/document/an-inspection-of-probation-services-in-sunderland-pdu-2025",
    };
}
