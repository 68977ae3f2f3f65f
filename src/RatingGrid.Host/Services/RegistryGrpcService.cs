using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Registry;
using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;

namespace RatingGrid.Host.Services;

/// <summary>Thin: regions and PDUs from the registry grain; changes made there, audited with the token's subject.</summary>
internal sealed class RegistryGrpcService(IGrainFactory grains, IOptions<LimitSettings> limits, TimeProvider time) : RegistryService.RegistryServiceBase
{
    public override async Task<ListRegionsResponse> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return new() { Regions = { (await grains.GetRegistry().GetAsync()).Regions.Where(caller.Covers) } };
    }

    public override async Task<ListPdusResponse> ListPdus(ListPdusRequest request, ServerCallContext context)
    {
        Checks().Name("region", request.Region, required: false).ThrowIfAny();
        var caller = context.Caller();
        var registry = await grains.GetRegistry().GetAsync();
        var region = PduRegistry.BuiltIn.CanonicalRegion(request.Region);
        if (region.Length > 0)
        {
            Checks().That(registry.Regions.Contains(region), "region", $"'{request.Region}' is not a registered region (known: {string.Join(", ", registry.Regions)})").ThrowIfAny();
            RegionGuard.EnsureRegion(caller, region);
        }

        return new ListPdusResponse
        {
            Pdus = { registry.Pdus.Where(p => (region.Length == 0 || p.Region == region) && caller.Covers(p.Region)).Select(ToWire) },
        };
    }

    public override async Task<ListRegistryChangesResponse> ListRegistryChanges(ListRegistryChangesRequest request, ServerCallContext context) =>
        new() { Changes = { (await grains.GetRegistry().GetAsync()).Changes.Select(ToWire) } };

    public override async Task<ListRegionsResponse> AddRegion(AddRegionRequest request, ServerCallContext context)
    {
        Checks().Name("region", request.Region).ThrowIfAny();
        var view = await ChangeAsync(Domain.Registry.RegistryChangeKind.RegionAdded, "", "", request.Region, context);
        return new ListRegionsResponse { Regions = { view.Regions } };
    }

    public override async Task<RegisteredPdu> AddPdu(AddPduRequest request, ServerCallContext context)
    {
        Checks().Id("pdu_id", request.PduId).Text("name", request.Name).Name("region", request.Region).ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), request.Region);
        var view = await ChangeAsync(Domain.Registry.RegistryChangeKind.PduAdded, request.PduId, request.Name, request.Region, context);
        return ToWire(view.Find(request.PduId)!);
    }

    public override async Task<RegisteredPdu> RenamePdu(RenamePduRequest request, ServerCallContext context)
    {
        Checks().Id("pdu_id", request.PduId).Text("name", request.Name).ThrowIfAny();
        var current = await grains.GetRegistry().FindAsync(request.PduId);
        if (current is { } pdu)
        {
            RegionGuard.EnsureRegion(context.Caller(), pdu.Region);
        }

        var view = await ChangeAsync(Domain.Registry.RegistryChangeKind.PduRenamed, request.PduId, request.Name, current?.Region ?? "", context);
        return ToWire(view.Find(request.PduId)!);
    }

    private Task<RegistryView> ChangeAsync(Domain.Registry.RegistryChangeKind kind, string pduId, string name, string region, ServerCallContext context) =>
        grains.GetRegistry().ChangeAsync(new RegistryChange(kind, pduId, name, region, context.Caller().Actor("unauthenticated"), time.GetUtcNow()));

    private static RegisteredPdu ToWire(Pdu pdu) => new()
    {
        Id = pdu.Id,
        Name = pdu.Name,
        Region = pdu.Region,
        Aliases = { pdu.AllAliases },
        Sources = { pdu.AllSources },
        Uncertain = pdu.IsUncertain,
        Uncertainty = pdu.Uncertainty ?? "",
    };

    private static RegistryChangeRecord ToWire(RegistryChange change) => new()
    {
        Kind = (Contracts.V1.RegistryChangeKind)((int)change.Kind + 1),
        PduId = change.PduId,
        Name = change.Name,
        Region = change.Region,
        Actor = change.Actor,
        At = Timestamp.FromDateTimeOffset(change.At),
    };

    private RequestChecks Checks() => new(limits.Value);
}
