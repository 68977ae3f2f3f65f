using RatingGrid.Domain.Registry;

namespace RatingGrid.Domain.Tests;

/// <summary>The registry's data file loads and validates like a rulebook; changes are refused with the field at fault.</summary>
public sealed class PduRegistryTests
{
    private static RegistryChange Change(RegistryChangeKind kind, string pduId, string name, string region) => new(kind, pduId, name, region, "admin", DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_built_in_file_holds_the_twelve_probation_regions_and_redcar()
    {
        var registry = PduRegistry.BuiltIn;

        Assert.Equal(12, registry.Regions.Count);
        Assert.Equal(new Pdu("redcar-cleveland-middlesbrough", "Redcar, Cleveland and Middlesbrough", "North East"), registry.Find("redcar-cleveland-middlesbrough"));
    }

    [Fact]
    public void A_data_file_with_problems_is_refused_naming_each()
    {
        const string json = """
            { "version": 1, "source": "test",
              "regions": ["North East", "North East", " Wales"],
              "pdus": [ { "id": "bad id", "name": "X", "region": "North East" },
                        { "id": "p1", "name": "P1", "region": "Atlantis" },
                        { "id": "p2", "name": "", "region": "North East" } ] }
            """;

        var refused = Assert.Throws<InvalidDataException>(() => PduRegistry.Parse(json, "test.json"));

        Assert.Contains("'North East' is listed twice", refused.Message, StringComparison.Ordinal);
        Assert.Contains("region ' Wales' is not a name", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'bad id' is not an id", refused.Message, StringComparison.Ordinal);
        Assert.Contains("names region 'Atlantis'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("PDU 'p2' has no name", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_are_made_again_harmlessly_and_refused_with_the_field_at_fault()
    {
        var registry = PduRegistry.BuiltIn.With(Change(RegistryChangeKind.RegionAdded, "", "", "Test region"));
        var added = Change(RegistryChangeKind.PduAdded, "t1", "Test PDU", "Test region");
        registry = registry.With(added);

        Assert.Null(registry.Refusal(added)); // the same again: harmless
        Assert.Equal("Test region", registry.Find("t1")!.Region);
        Assert.True(registry.Refusal(Change(RegistryChangeKind.PduAdded, "t1", "Test PDU", "Wales"))!.Conflict);
        Assert.Equal("region", registry.Refusal(Change(RegistryChangeKind.PduAdded, "t2", "T2", "Atlantis"))!.Field);
        Assert.Equal("pdu_id", registry.Refusal(Change(RegistryChangeKind.PduAdded, "t 3", "T3", "Wales"))!.Field);
        Assert.True(registry.Refusal(Change(RegistryChangeKind.PduRenamed, "nobody", "X", ""))!.NotFound);
        Assert.Equal("name", registry.Refusal(Change(RegistryChangeKind.PduRenamed, "t1", " ", ""))!.Field);
        Assert.Equal("Renamed", registry.With(Change(RegistryChangeKind.PduRenamed, "t1", "Renamed", "")).Find("t1")!.Name);
        Assert.Equal("Test region", registry.With(Change(RegistryChangeKind.PduRenamed, "t1", "Renamed", "")).Find("t1")!.Region);
    }
}
