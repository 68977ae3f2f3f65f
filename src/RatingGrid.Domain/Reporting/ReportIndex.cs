using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// The standings a view holds, indexed for reports: what a report filters on (publication day,
/// fieldwork days, overall rating, PDU) is kept in one contiguous array, so that a report over the
/// nation scans that array and touches only the standings it counts, instead of chasing every
/// standing around the heap. Answers exactly as <see cref="Reports.Build"/> over the same standings.
/// Kept up to date as standings are replaced; not thread-safe (grain code).
/// </summary>
public sealed class ReportIndex
{
    private const int NoDay = int.MinValue;
    private const int NoRating = -1;

    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<(RulebookKey, string), int> _pdus = [];
    private Entry[] _entries = new Entry[64];

    public int Count { get; private set; }

    /// <summary>Holds <paramref name="standing"/> in place of any earlier standing of its inspection.</summary>
    public void Put(Standing standing)
    {
        if (!_slots.TryGetValue(standing.InspectionId, out var slot))
        {
            slot = Count++;
            if (slot == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            _slots.Add(standing.InspectionId, slot);
        }

        var pduKey = (standing.Rulebook, standing.PduKey);
        if (!_pdus.TryGetValue(pduKey, out var pdu))
        {
            pdu = _pdus.Count;
            _pdus.Add(pduKey, pdu);
        }

        _entries[slot] = new Entry(
            standing,
            pdu,
            standing.Status == InspectionStatus.Published,
            standing.PublishedOn?.DayNumber ?? NoDay,
            standing.Fieldwork?.Start.DayNumber ?? NoDay,
            standing.Fieldwork?.End.DayNumber ?? NoDay,
            standing.Overall is { } overall ? (int)overall : NoRating);
    }

    public Report Build(ReportQuery query, RulebookCatalog rulebooks)
    {
        var taken = query.Period is { } period ? InPeriod(query, period) : NewestBy(query);
        var overall = query.Overall is { } rating ? (int)rating : NoRating;
        return Reports.Pool(taken.Where(i => query.Overall is null || _entries[i].Overall == overall).Select(i => _entries[i].Standing), rulebooks);
    }

    private List<int> InPeriod(ReportQuery query, ReportPeriod period)
    {
        var (from, to) = (period.From.DayNumber, period.To.DayNumber);
        var taken = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref _entries[i];
            var day = period.Basis == PeriodBasis.Publication ? e.PublishedOn : e.FieldworkEnd;
            if (day != NoDay && day >= from && day <= to && Matches(e, query))
            {
                taken.Add(i);
            }
        }

        return taken;
    }

    // The current picture as of a day: each PDU's newest inspection existing by then.
    private List<int> NewestBy(ReportQuery query)
    {
        var day = query.AsOf.DayNumber;
        var newest = new int[_pdus.Count];
        Array.Fill(newest, -1);
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref _entries[i];
            var existed = e.Published ? e.PublishedOn != NoDay && e.PublishedOn <= day : e.FieldworkStart <= day;
            if (existed && Matches(e, query) && (newest[e.Pdu] < 0 || IsNewer(e, _entries[newest[e.Pdu]])))
            {
                newest[e.Pdu] = i;
            }
        }

        return [.. newest.Where(i => i >= 0)];
    }

    // As PduPicture.IsNewer: latest fieldwork end, then start (an unknown day is the oldest), then id.
    private static bool IsNewer(in Entry candidate, in Entry than) =>
        candidate.FieldworkEnd != than.FieldworkEnd ? candidate.FieldworkEnd > than.FieldworkEnd
        : candidate.FieldworkStart != than.FieldworkStart ? candidate.FieldworkStart > than.FieldworkStart
        : string.CompareOrdinal(candidate.Standing.InspectionId, than.Standing.InspectionId) > 0;

    // Filters that need the standing itself are rare (a rulebook, or a region within the nation).
    private static bool Matches(in Entry e, ReportQuery query) =>
        (query.RulebookId is null || e.Standing.Rulebook.Id == query.RulebookId) && (query.Region is null || e.Standing.Region == query.Region);

    private readonly record struct Entry(Standing Standing, int Pdu, bool Published, int PublishedOn, int FieldworkStart, int FieldworkEnd, int Overall);
}
