using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// The standings a view holds, indexed for the questions readers ask: what a report selects on (the
/// day a standing exists from, its publication and fieldwork days, its recency, its PDU) is kept in
/// one contiguous array, so that a report over the nation scans that array and touches only the
/// standings it counts instead of chasing every standing around the heap. The rules themselves are
/// the standing's (<see cref="Standing.ExistsFrom"/>, <see cref="Recency"/>, <see cref="ReportPeriod"/>,
/// <see cref="StandingFilter"/>). Kept up to date as standings are replaced; not thread-safe.
/// </summary>
public sealed class ReportIndex(RulebookCatalog rulebooks)
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<(RulebookKey, string), int> _pdus = [];
    private Entry[] _entries = new Entry[64];

    public int Count { get; private set; }

    /// <summary>Every standing held.</summary>
    public IEnumerable<Standing> Standings => _entries.Take(Count).Select(e => e.Standing);

    /// <summary>An index holding <paramref name="standings"/>.</summary>
    public static ReportIndex Of(IEnumerable<Standing> standings, RulebookCatalog rulebooks)
    {
        var index = new ReportIndex(rulebooks);
        foreach (var standing in standings)
        {
            index.Put(standing);
        }

        return index;
    }

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

        _entries[slot] = new Entry(standing, pdu, standing.ExistsFrom, Recency.Of(standing),
            ReportPeriod.DayOf(standing, PeriodBasis.Publication), ReportPeriod.DayOf(standing, PeriodBasis.Fieldwork));
    }

    /// <summary>
    /// The report <paramref name="query"/> asks for: for a period every inspection whose date falls in
    /// it; for the current picture each PDU once (per rulebook), by its newest inspection that existed
    /// by the day. The filter's scope narrows what is counted before a PDU's newest is chosen; its
    /// rating filters what was counted.
    /// </summary>
    public Report Build(ReportQuery query)
    {
        var filter = query.Selects;
        var taken = query.Period is { } period ? InPeriod(period, filter) : Newest(query.AsOf, filter).Select(n => n.Newest);
        return Reports.Pool(query, taken.Select(i => _entries[i].Standing).Where(filter.HasRating), rulebooks);
    }

    /// <summary>
    /// Each PDU (per rulebook) in the current picture of <paramref name="asOf"/>: its newest inspection
    /// existing by then, the one before it and what changed between them; by PDU name, then PDU, then rulebook.
    /// </summary>
    public IReadOnlyList<PduRow> Pdus(DateOnly asOf, StandingFilter filter)
    {
        var rows = new List<PduRow>();
        foreach (var (newest, previous, inspections) in Newest(asOf, filter))
        {
            var standing = _entries[newest].Standing;
            if (!filter.HasRating(standing))
            {
                continue;
            }

            var before = previous >= 0 ? _entries[previous].Standing : null;
            var changes = before is null ? [] : PduHistory.Changes(before, standing).Where(c => c.Changed).ToList();
            rows.Add(new PduRow(standing, before, changes, inspections));
        }

        return [.. rows.OrderBy(r => r.Newest.PduName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Newest.PduKey, StringComparer.Ordinal)
            .ThenBy(r => r.Newest.Rulebook.Id, StringComparer.Ordinal).ThenBy(r => r.Newest.Rulebook.Version)];
    }

    private List<int> InPeriod(ReportPeriod period, StandingFilter filter)
    {
        var taken = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref _entries[i];
            if (period.Contains(period.Basis == PeriodBasis.Publication ? e.PublishedOn : e.FieldworkEnd) && filter.InScope(e.Standing))
            {
                taken.Add(i);
            }
        }

        return taken;
    }

    // Per PDU: its newest entry existing by the day, the one before it (-1: none) and how many existed.
    private IEnumerable<(int Newest, int Previous, int Inspections)> Newest(DateOnly asOf, StandingFilter filter)
    {
        var day = asOf.DayNumber;
        var newest = new (int Newest, int Previous, int Inspections)[_pdus.Count];
        Array.Fill(newest, (-1, -1, 0));
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref _entries[i];
            if (e.ExistsFrom > day || !filter.InScope(e.Standing))
            {
                continue;
            }

            ref var pdu = ref newest[e.Pdu];
            pdu.Inspections++;
            if (pdu.Newest < 0 || e.Recency > _entries[pdu.Newest].Recency)
            {
                (pdu.Previous, pdu.Newest) = (pdu.Newest, i);
            }
            else if (pdu.Previous < 0 || e.Recency > _entries[pdu.Previous].Recency)
            {
                pdu.Previous = i;
            }
        }

        return newest.Where(n => n.Newest >= 0);
    }

    private readonly record struct Entry(Standing Standing, int Pdu, int ExistsFrom, Recency Recency, int? PublishedOn, int? FieldworkEnd);
}
