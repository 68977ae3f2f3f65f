using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>
/// The newest standing of each inspection, and figures pooled from them per rulebook. Replacing a
/// standing moves the pools by the difference, so the cost does not grow with the inspections held.
/// </summary>
public sealed class Aggregate(RulebookCatalog rulebooks)
{
    private readonly Dictionary<string, Standing> _standings = new(StringComparer.Ordinal);
    private readonly Dictionary<RulebookKey, RulebookAggregate> _byRulebook = [];

    public IReadOnlyCollection<Standing> Standings => _standings.Values;

    /// <summary>The standing held for an inspection, or null.</summary>
    public Standing? Find(string inspectionId) => _standings.GetValueOrDefault(inspectionId);

    /// <summary>Takes a standing unless one of the same or a newer version is held; true when it changed anything.</summary>
    public bool Replace(Standing standing)
    {
        if (_standings.TryGetValue(standing.InspectionId, out var held))
        {
            if (held.Version >= standing.Version)
            {
                return false;
            }

            For(held.Rulebook).Move(held, -1);
        }

        _standings[standing.InspectionId] = standing;
        For(standing.Rulebook).Move(standing, +1);
        return true;
    }

    /// <summary>The rulebooks any held inspection is rated under; figures are never pooled across them.</summary>
    public IReadOnlyList<RulebookKey> Rulebooks => [.. _byRulebook.Where(r => r.Value.Inspections > 0).Select(r => r.Key).OrderBy(k => k.Id, StringComparer.Ordinal).ThenBy(k => k.Version)];

    public AggregateFigures Figures(RulebookKey rulebook) =>
        _byRulebook.TryGetValue(rulebook, out var aggregate) ? aggregate.Figures() : new RulebookAggregate(rulebooks.Get(rulebook)).Figures();

    private RulebookAggregate For(RulebookKey key)
    {
        if (!_byRulebook.TryGetValue(key, out var aggregate))
        {
            aggregate = new RulebookAggregate(rulebooks.Get(key));
            _byRulebook.Add(key, aggregate);
        }

        return aggregate;
    }

    private sealed class RulebookAggregate(Rulebook rulebook)
    {
        private readonly TallyPool _pool = new(rulebook);
        private readonly RatingTally _overall = new();
        private readonly Dictionary<string, RatingTally> _standards = rulebook.Standards.ToDictionary(s => s.Id, _ => new RatingTally(), StringComparer.Ordinal);
        private readonly PduPicture _current = new(rulebook);

        public int Inspections => _pool.Inspections;

        public void Move(Standing standing, int sign)
        {
            if (sign > 0)
            {
                _pool.Add(standing.Tallies);
            }
            else
            {
                _pool.Subtract(standing.Tallies);
            }

            _overall.Add(standing.Overall, sign, provisional: standing.Overall is null);
            RatingTally.CountStandards(standing, _standards, sign);
            _current.Move(standing, sign);
        }

        public AggregateFigures Figures() => new(
            rulebook.Key,
            _pool.Figures(),
            _overall.Counts(),
            _standards.ToDictionary(s => s.Key, s => s.Value.Counts(), StringComparer.Ordinal),
            _current.Figures());
    }
}
