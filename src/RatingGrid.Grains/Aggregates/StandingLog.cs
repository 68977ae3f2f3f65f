using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// Each inspection's newest standing and its standing as last published, and the order they last
/// changed in: what the nation hands to hosts, page by page, as the changes after a sequence number.
/// An inspection changed twice before a host asks is sent once, at its newest. Not thread-safe
/// (grain code).
/// </summary>
internal sealed class StandingLog
{
    private static readonly IComparer<(long Sequence, string InspectionId)> BySequence = Comparer<(long Sequence, string InspectionId)>.Create((a, b) => a.Sequence.CompareTo(b.Sequence));

    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly SortedSet<(long Sequence, string InspectionId)> _changed = new(BySequence);

    /// <summary>The number of the last change taken (0: none).</summary>
    public long Sequence { get; private set; }

    public Standing? Newest(string inspectionId) => _held.TryGetValue(inspectionId, out var held) ? held.Newest : null;

    /// <summary>
    /// Takes a standing unless one of the same or a newer version is held (and, when it is published,
    /// as the inspection's published standing unless a newer one is held); true when it changed anything.
    /// </summary>
    public bool Take(Standing standing)
    {
        var id = standing.InspectionId;
        var had = _held.TryGetValue(id, out var held);
        var newest = had && held.Newest.Version >= standing.Version ? held.Newest : standing;
        var published = standing.Status == InspectionStatus.Published && (held.Published is not { } p || p.Version < standing.Version) ? standing : held.Published;
        if (had && ReferenceEquals(newest, held.Newest) && ReferenceEquals(published, held.Published))
        {
            return false;
        }

        if (had)
        {
            _changed.Remove((held.Sequence, id));
        }

        _held[id] = new Held(newest, published, ++Sequence);
        _changed.Add((Sequence, id));
        return true;
    }

    /// <summary>The standings of at most <paramref name="inspections"/> inspections changed after <paramref name="after"/>, oldest change first; up to which change they go; whether more are waiting.</summary>
    public (IReadOnlyList<Standing> Standings, long UpTo, bool More) Since(long after, int inspections)
    {
        var page = new List<Standing>();
        var upTo = Math.Min(after, Sequence);
        if (after >= Sequence)
        {
            return (page, upTo, false);
        }

        var taken = 0;
        foreach (var (sequence, id) in _changed.GetViewBetween((after + 1, ""), (long.MaxValue, "")))
        {
            if (taken++ == inspections)
            {
                return (page, upTo, true);
            }

            var held = _held[id];
            page.Add(held.Newest);
            if (held.Published is { } published && !ReferenceEquals(published, held.Newest))
            {
                page.Add(published);
            }

            upTo = sequence;
        }

        return (page, upTo, false);
    }

    private readonly record struct Held(Standing Newest, Standing? Published, long Sequence);
}
