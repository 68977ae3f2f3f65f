using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>Converts between stored state and the Domain's ledger and the grain's views.</summary>
internal static class StateCodec
{
    /// <summary>
    /// Rebuilds the ledger and the journal (with its string table) from stored state, in one pass,
    /// and joins the journal's segments into one so that the next write stores it compacted.
    /// </summary>
    public static (InspectionLedger Ledger, Journal Journal) Load(Rulebook rulebook, InspectionState state)
    {
        var journal = new Journal(rulebook);
        var latest = new Dictionary<string, (CaseJudgement Judgement, long Revision, bool Withdrawn)>(StringComparer.Ordinal);
        foreach (var entry in journal.Read(state.Journal))
        {
            latest[entry.CaseId] = entry.Judgement is { } judgement
                ? (judgement, entry.Revision, false)
                : (latest[entry.CaseId].Judgement, entry.Revision, true);
        }

        Compact(state);
        var ledger = InspectionLedger.Restore(
            rulebook,
            latest.Values.Select(c => new CaseState(c.Judgement, c.Revision, c.Withdrawn)),
            state.JudgedRatings.ToDictionary(j => j.Key, j => new JudgedRating(j.Value.Rating, j.Value.Rationale)));
        return (ledger, journal);
    }

    public static IReadOnlyList<CaseRevisionView> History(Rulebook rulebook, InspectionState state, string caseId) =>
        [.. new Journal(rulebook).Read(state.Journal)
            .Where(e => e.CaseId == caseId)
            .Select(e => new CaseRevisionView(e.Revision, e.Judgement is null, e.Actor, e.ReceivedAt, e.Judgement))];

    // Segments share one string table in order, so joining their bodies keeps every reference valid.
    private static void Compact(InspectionState state)
    {
        if (state.Journal.Count <= 1)
        {
            return;
        }

        var joined = new byte[1 + state.Journal.Sum(s => s.Length - 1)];
        joined[0] = state.Journal[0][0];
        var at = 1;
        foreach (var segment in state.Journal)
        {
            segment.AsSpan(1).CopyTo(joined.AsSpan(at));
            at += segment.Length - 1;
        }

        state.Journal = [joined];
    }
}
