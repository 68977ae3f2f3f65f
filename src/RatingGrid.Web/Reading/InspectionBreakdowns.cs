namespace RatingGrid.Web.Reading;

/// <summary>An inspection's breakdowns, or the problem reading them: shown beside its ratings, never instead of them.</summary>
public static class InspectionBreakdowns
{
    public static async Task<(IReadOnlyList<Contracts.V1.Breakdown>? Breakdowns, Problem? Problem)> ReadAsync(IReads reads, string inspectionId, CancellationToken cancellationToken)
    {
        try
        {
            return (await reads.BreakdownsAsync(inspectionId, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, Problem.From(ex, "inspection"));
        }
    }
}
