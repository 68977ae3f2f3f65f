using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Abstractions.References;
using RatingGrid.Grains.Inspections;
using RatingGrid.Host.Mapping;

namespace RatingGrid.Host.Access;

/// <summary>
/// Keeps unpublished figures from callers who may not see them (applied to every rpc by
/// <see cref="InspectionAccess"/>): an inspection's reads answer PERMISSION_DENIED until it is
/// published (or embargoed, for callers given embargoed copies), and what the lifecycle and write
/// rpcs answer carries no figures for such callers. Callers who may see unpublished work (the common
/// case for inspection teams) cost nothing here.
/// </summary>
internal sealed class VisibilityGuard(IGrainFactory grains, LocalInspectionViews localViews)
{
    /// <summary>Refuses a caller who may not see the inspection's figures as it stands now.</summary>
    public async ValueTask EnsureVisibleAsync(Caller caller, string inspectionId)
    {
        if (caller.Visibility != Visibility.Unpublished)
        {
            var view = localViews.TryGet(inspectionId, out var local) ? local : await grains.Get<IInspectionGrain>(inspectionId).GetAsync();
            Ensure(caller, view.InspectionId, view.Status);
        }
    }

    /// <summary>The inspection, refused if the caller may not see it.</summary>
    public static Inspection Ensure(Caller caller, Inspection inspection)
    {
        Ensure(caller, inspection.InspectionId, inspection.Status.ToDomain());
        return inspection;
    }

    /// <summary>
    /// What a lifecycle step or a write answers a caller: an inspection without its results, and an
    /// acknowledgement without its ratings, unless the caller may see them. A shared answer is copied
    /// before anything is taken out of it.
    /// </summary>
    public static T Answer<T>(Caller caller, T message) => message switch
    {
        Inspection inspection when !caller.Visibility.Shows(inspection.Status.ToDomain()) => (T)(object)new Inspection(inspection) { Results = null },
        JudgementsAck ack when caller.Visibility != Visibility.Unpublished && ack.Summary is not null => (T)(object)new JudgementsAck(ack) { Summary = null },
        ChangeAck ack when caller.Visibility != Visibility.Unpublished && ack.Summary is not null => (T)(object)new ChangeAck(ack) { Summary = null },
        _ => message,
    };

    private static void Ensure(Caller caller, string inspectionId, Domain.Lifecycle.InspectionStatus status)
    {
        if (!caller.Visibility.Shows(status))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Inspection '{inspectionId}' is {InspectionLifecycle.Name(status)}, not published; seeing its figures needs the scope " +
                (status == Domain.Lifecycle.InspectionStatus.Embargoed ? $"{Security.Scopes.Embargoed} or {Security.Scopes.Unpublished}." : $"{Security.Scopes.Unpublished}.")));
        }
    }
}
