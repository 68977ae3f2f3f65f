using System.Collections.Concurrent;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.Inspections;

/// <summary>
/// The newest durable view of each inspection active in this silo, set by the inspection itself as
/// it loads and commits (before any acknowledgement) and removed as it deactivates. A read entering
/// the silo where its inspection lives takes the view from here instead of making a grain call for
/// the same immutable object; any other read calls the grain. Views are immutable, so sharing them
/// across threads is safe.
/// </summary>
public sealed class LocalInspectionViews
{
    private readonly ConcurrentDictionary<string, InspectionView> _views = new(StringComparer.Ordinal);

    public bool TryGet(string inspectionId, out InspectionView view) => _views.TryGetValue(inspectionId, out view!);

    internal void Set(string inspectionId, InspectionView? view)
    {
        if (view is not null)
        {
            _views[inspectionId] = view;
        }
    }

    /// <summary>Removes the inspection's view if it is still <paramref name="view"/> (never a newer activation's).</summary>
    internal void Remove(string inspectionId, InspectionView? view)
    {
        if (view is not null)
        {
            _views.TryRemove(new KeyValuePair<string, InspectionView>(inspectionId, view));
        }
    }
}
