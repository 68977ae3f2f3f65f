using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Reads an inspection's standing off its ledger.</summary>
public static class StandingExtensions
{
    /// <summary>Where the inspection held by <paramref name="ledger"/> stands now.</summary>
    public static Standing Standing(this InspectionLedger ledger, string inspectionId, string pduName, string region, long version, DateTimeOffset changedAt = default, string pduId = "", Fieldwork? fieldwork = null,
        InspectionStatus status = InspectionStatus.Open, DateTimeOffset? publishedAt = null)
    {
        var results = ledger.Results();
        return new Standing(
            inspectionId,
            pduName,
            region,
            ledger.Rulebook.Key,
            version,
            results.Standards.ToDictionary(s => s.StandardId, s => s.Rating, StringComparer.Ordinal),
            results.Overall.Rating,
            results.Overall.Score,
            ledger.Snapshot(),
            changedAt,
            pduId,
            fieldwork,
            status,
            publishedAt,
            results.Standards.Where(s => s.IsProvisional).Select(s => s.StandardId).ToHashSet(StringComparer.Ordinal));
    }
}
