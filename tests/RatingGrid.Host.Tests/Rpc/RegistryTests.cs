using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Regions and PDUs as reference data: inspections name registered PDUs, and changes are audited (a real host on Azurite).</summary>
[Collection(nameof(SharedHost))]
public sealed class RegistryTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RegistryService.RegistryServiceClient Registry => new(host.Channel);

    [Fact]
    public async Task The_twelve_regions_and_the_confirmed_pdu_ship_with_the_service()
    {
        var regions = (await Registry.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: Cancel)).Regions;
        string[] probation = ["North East", "North West", "Greater Manchester", "Yorkshire and the Humber", "East Midlands", "West Midlands",
            "East of England", "London", "Kent, Surrey and Sussex", "South Central", "South West", "Wales"];
        Assert.All(probation, r => Assert.Contains(r, regions));
        var northEast = (await Registry.ListPdusAsync(new ListPdusRequest { Region = "North East" }, cancellationToken: Cancel)).Pdus;
        Assert.Contains(northEast, p => p.Id == "redcar-cleveland-middlesbrough" && p.Name == "Redcar, Cleveland and Middlesbrough");
    }

    [Fact]
    public async Task An_inspection_takes_its_region_from_its_pdu_and_an_unknown_pdu_or_other_region_is_refused_naming_the_field()
    {
        var region = $"Region {Guid.NewGuid():N}";
        var pdu = $"pdu-{Guid.NewGuid():N}";
        await host.Channel.RegisterAsync(region, pdu);

        var open = Requests.Open(Requests.NewId("registry"));
        (open.PduId, open.Region, open.PduName) = (pdu, "", "");
        var opened = await host.Inspections.OpenInspectionAsync(open, cancellationToken: Cancel);
        Assert.Equal((region, $"PDU {pdu}"), (opened.Region, opened.PduName));

        var unknown = Requests.Open(Requests.NewId("registry"));
        unknown.PduId = $"{pdu}-unregistered";
        await RefusedAsync(() => host.Inspections.OpenInspectionAsync(unknown, cancellationToken: Cancel).ResponseAsync, "pdu_id");
        var elsewhere = Requests.Open(Requests.NewId("registry"));
        (elsewhere.PduId, elsewhere.Region) = (pdu, "Wales");
        await RefusedAsync(() => host.Inspections.OpenInspectionAsync(elsewhere, cancellationToken: Cancel).ResponseAsync, "region");

        foreach (var refused in new[] { unknown.InspectionId, elsewhere.InspectionId })
        {
            var missing = await Assert.ThrowsAsync<RpcException>(() => host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = refused }, cancellationToken: Cancel).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task Adding_and_renaming_are_audited_repeatable_and_refused_when_they_conflict()
    {
        var region = $"Region {Guid.NewGuid():N}";
        var pdu = $"pdu-{Guid.NewGuid():N}";
        await Registry.AddRegionAsync(new AddRegionRequest { Region = region }, cancellationToken: Cancel);
        var added = await Registry.AddPduAsync(new AddPduRequest { PduId = pdu, Name = "Old name", Region = region }, cancellationToken: Cancel);
        var again = await Registry.AddPduAsync(new AddPduRequest { PduId = pdu, Name = "Old name", Region = region }, cancellationToken: Cancel);
        var renamed = await Registry.RenamePduAsync(new RenamePduRequest { PduId = pdu, Name = "New name" }, cancellationToken: Cancel);

        Assert.Equal(added, again);
        Assert.Equal(("New name", region), (renamed.Name, renamed.Region));
        var conflict = await Assert.ThrowsAsync<RpcException>(() => Registry.AddPduAsync(new AddPduRequest { PduId = pdu, Name = "New name", Region = "Wales" }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, conflict.StatusCode);
        var nobody = await Assert.ThrowsAsync<RpcException>(() => Registry.RenamePduAsync(new RenamePduRequest { PduId = $"{pdu}-none", Name = "X" }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, nobody.StatusCode);
        await RefusedAsync(() => Registry.AddPduAsync(new AddPduRequest { PduId = $"{pdu}-2", Name = "Somewhere", Region = "Atlantis" }, cancellationToken: Cancel).ResponseAsync, "region");

        var changes = (await Registry.ListRegistryChangesAsync(new ListRegistryChangesRequest(), cancellationToken: Cancel)).Changes
            .Where(c => c.Region == region).ToList();
        Assert.Equal([RegistryChangeKind.RegionAdded, RegistryChangeKind.PduAdded, RegistryChangeKind.PduRenamed], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal("tester", c.Actor));
        Assert.Equal("New name", changes[^1].Name);
    }

    [Fact]
    public async Task A_region_bound_token_lists_only_its_regions_and_their_pdus()
    {
        using var channel = TestTokens.Channel(host.Address, TestTokens.Mint(new TokenRequest("ne", [Scopes.Read], ["North East"], TimeSpan.FromHours(1))));
        var registry = new RegistryService.RegistryServiceClient(channel);

        var listed = (await registry.ListPdusAsync(new ListPdusRequest(), cancellationToken: Cancel)).Pdus;
        Assert.NotEmpty(listed);
        Assert.All(listed, p => Assert.Equal("North East", p.Region));
        Assert.Equal(["North East"], (await registry.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: Cancel)).Regions);
        var refused = await Assert.ThrowsAsync<RpcException>(() => registry.ListPdusAsync(new ListPdusRequest { Region = "Wales" }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private static async Task RefusedAsync(Func<Task> call, string field)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == field);
    }
}
