using System.Text.Json;
using RatingGrid.Domain.Ledger;

namespace RatingGrid.Domain.Tests;

/// <summary>A canonical text of every figure a ledger reports, for whole-state comparisons.</summary>
internal static class ResultsText
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(InspectionLedger ledger) =>
        JsonSerializer.Serialize(new { Results = ledger.Results(), ledger.CaseCount, Breakdowns = ledger.Breakdowns() }, Options);
}
