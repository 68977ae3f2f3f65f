using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>
/// The current picture, as the inspectorate counts it: each PDU once, by its newest inspection
/// (<see cref="Recency"/>), however often it has been inspected.
/// Kept up to date as standings come and go, so reading it costs nothing per inspection held.
/// </summary>
public sealed class PduPicture(Rulebook rulebook)
{
    private readonly Dictionary<string, List<Standing>> _byPdu = new(StringComparer.Ordinal);
    private readonly RatingTally _overall = new();
    private readonly Dictionary<string, RatingTally> _standards = rulebook.Standards.ToDictionary(s => s.Id, _ => new RatingTally(), StringComparer.Ordinal);

    /// <summary>Adds a standing (<paramref name="sign"/> 1) or takes a held one away (-1).</summary>
    public void Move(Standing standing, int sign)
    {
        if (!_byPdu.TryGetValue(standing.PduKey, out var inspections))
        {
            inspections = [];
            _byPdu.Add(standing.PduKey, inspections);
        }

        var before = Newest(inspections);
        if (sign > 0)
        {
            inspections.Add(standing);
        }
        else
        {
            inspections.RemoveAll(s => s.InspectionId == standing.InspectionId);
        }

        var after = Newest(inspections);
        if (!ReferenceEquals(before, after))
        {
            Count(before, -1);
            Count(after, +1);
        }

        if (inspections.Count == 0)
        {
            _byPdu.Remove(standing.PduKey);
        }
    }

    public CurrentPicture Figures() => new(
        _byPdu.Count,
        _overall.Counts(),
        _standards.ToDictionary(s => s.Key, s => s.Value.Counts(), StringComparer.Ordinal));

    private static Standing? Newest(List<Standing> inspections)
    {
        Standing? newest = null;
        foreach (var standing in inspections)
        {
            if (newest is null || Recency.IsNewer(standing, newest))
            {
                newest = standing;
            }
        }

        return newest;
    }

    private void Count(Standing? standing, int sign)
    {
        if (standing is null)
        {
            return;
        }

        _overall.Add(standing.Overall, sign, provisional: standing.Overall is null);
        RatingTally.CountStandards(standing, _standards, sign);
    }
}
