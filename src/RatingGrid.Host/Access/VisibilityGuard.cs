using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Abstractions.References;
using RatingGrid.Grains.Inspections;
using RatingGrid.Host.Mapping;

namespace RatingGrid.Host.Access;

/// <summary>
/// Keeps unpublished figures from callers who may not see them: an inspection's reads answer
/// PERMISSION_DENIED until it is published (or embargoed, for callers given embargoed copies), and
/// what the lifecycle and write rpcs answer carries no figures for such callers. Callers who may see
/// unpublished work (the common case for inspection teams) cost nothing here.
/// </summary>
internal sealed class VisibilityGuard(IGrainFactory grains, LocalInspectionViews localViews)
{
    /// <summary>Refuses a caller who may not see the inspection's figures as it stands now.</summary>
    public async ValueTask EnsureVisibleAsync(Caller caller, string inspectionId)
    {
        if (caller.Visibility != Visibility.Unpublished)
        {
            Ensure(caller, localViews.TryGet(inspectionId, out var view) ? view : await grains.Get<IInspectionGrain>(inspectionId).GetAsync());
        }
    }

    /// <summary>The view, refused if the caller may not see it.</summary>
    public static InspectionView Ensure(Caller caller, InspectionView view) =>
        caller.Visibility.Shows(view.Status) ? view
        : throw new RpcException(new Status(StatusCode.PermissionDenied,
            $"Inspection '{view.InspectionId}' is {InspectionLifecycle.Name(view.Status)}, not published; seeing its figures needs the scope " +
            (view.Status == Domain.Lifecycle.InspectionStatus.Embargoed ? $"{Security.Scopes.Embargoed} or {Security.Scopes.Unpublished}." : $"{Security.Scopes.Unpublished}.")));

    /// <summary>A lifecycle rpc's answer: whole if the caller may see it, else without its results.</summary>
    public static Inspection Answer(Caller caller, InspectionView view)
    {
        if (caller.Visibility.Shows(view.Status))
        {
            return view.ToWire();
        }

        return new Inspection(view.ToWire()) { Results = null };
    }

    /// <summary>A write's acknowledgement: its ratings only for callers who may see unpublished work (writes go to open inspections).</summary>
    public static JudgementsAck Answer(Caller caller, JudgementsAck ack)
    {
        ack.Summary = caller.Visibility == Visibility.Unpublished ? ack.Summary : null;
        return ack;
    }

    /// <summary>As for judgements: a change's acknowledgement carries its ratings only for callers who may see unpublished work.</summary>
    public static ChangeAck Answer(Caller caller, ChangeAck ack)
    {
        ack.Summary = caller.Visibility == Visibility.Unpublished ? ack.Summary : null;
        return ack;
    }
}
