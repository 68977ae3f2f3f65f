using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.Inspections;

/// <summary>Several batches' outcomes side by side: a batch refused for its own reasons fails alone.</summary>
internal static class BatchResults
{
    public static async Task<IReadOnlyList<BatchResult>> CollectAsync(IReadOnlyList<Task<BatchReceipt>> receipts)
    {
        var results = new BatchResult[receipts.Count];
        for (var i = 0; i < results.Length; i++)
        {
            try
            {
                results[i] = new BatchResult(await receipts[i], null);
            }
            catch (Exception ex) when (ex is InvalidRequestException or InspectionNotFoundException or InspectionStateException or LimitReachedException or StorageUnavailableException)
            {
                results[i] = new BatchResult(null, ex);
            }
        }

        return results;
    }
}
