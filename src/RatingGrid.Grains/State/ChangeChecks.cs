using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Grains.State;

/// <summary>What a change must satisfy before the ledger is asked, and how the ledger's refusals reach callers.</summary>
internal static class ChangeChecks
{
    public static void RequireActor(string actor)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new InvalidRequestException([new FieldViolation("actor", "is required: who is making this change")]);
        }
    }

    /// <summary>Refuses a batch that would take the inspection past its case limit, withdrawn cases included.</summary>
    public static void RequireRoomFor(InspectionLedger ledger, IReadOnlyList<CaseJudgement> judgements, int maxCases, string inspectionId)
    {
        if (ledger.KnownCaseCount + judgements.Count <= maxCases)
        {
            return; // room even if every judgement were a new case
        }

        var newCases = judgements.Where(j => !string.IsNullOrEmpty(j.CaseId) && !ledger.IsKnownCase(j.CaseId)).Select(j => j.CaseId).Distinct(StringComparer.Ordinal).Count();
        if (ledger.KnownCaseCount + newCases > maxCases)
        {
            throw new LimitReachedException("MaxCasesPerInspection", maxCases,
                $"Inspection '{inspectionId}' holds {ledger.KnownCaseCount} cases; this batch would add {newCases} more");
        }
    }

    /// <summary>The ledger refuses a malformed change whole, changing nothing; callers see the same violations.</summary>
    public static T Refusing<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        catch (InvalidChangeException ex)
        {
            throw new InvalidRequestException(ex.Violations);
        }
    }
}
