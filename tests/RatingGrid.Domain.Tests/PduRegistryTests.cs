using RatingGrid.Domain.Registry;

namespace RatingGrid.Domain.Tests;

/// <summary>The registry's data file loads and validates like a rulebook; changes are refused with the field at fault.</summary>
public sealed class PduRegistryTests
{
    private static RegistryChange Change(RegistryChangeKind kind, string pduId, string name, string region) => new(kind, pduId, name, region, "admin", DateTimeOffset.UnixEpoch);

    private static readonly string[] OfficialRegions =
    [
        "North East", "North West", "Greater Manchester", "Yorkshire and the Humber", "East Midlands", "West Midlands",
        "East of England", "London", "Kent, Surrey and Sussex", "South Central", "South West", "Wales",
    ];

    [Fact]
    public void The_built_in_file_holds_the_twelve_official_regions_and_every_pdu_of_the_reference_data_with_its_sources()
    {
        var registry = PduRegistry.BuiltIn;
        using var data = SharedFixtures.Data("pdus-england-wales.json");
        var expected = data.RootElement.EnumerateArray().Select(p => (Name: p.GetProperty("pdu").GetString()!, Region: p.GetProperty("region").GetString()!)).ToList();

        Assert.Equal(OfficialRegions.Order(StringComparer.Ordinal), registry.Regions);
        Assert.Equal(110, registry.Pdus.Count);
        Assert.All(registry.Pdus, p => Assert.Contains(p.Region, OfficialRegions));
        Assert.Equal(expected.OrderBy(e => e.Name, StringComparer.Ordinal), registry.Pdus.Select(p => (p.Name, p.Region)).OrderBy(e => e.Name, StringComparer.Ordinal));
        Assert.All(registry.Pdus, p => Assert.NotEmpty(p.AllSources));
        Assert.Equal("redcar-cleveland-middlesbrough", registry.Resolve("Redcar, Cleveland and Middlesbrough")!.Id); // the id it had before stays
        Assert.Equal([6, 8, 8, 6, 18, 7, 13, 7, 9, 6, 11, 11], OfficialRegions.Order(StringComparer.Ordinal).Select(r => registry.Pdus.Count(p => p.Region == r)));
    }

    [Fact]
    public void Uncertain_pdus_are_registered_and_say_what_is_uncertain_as_the_data_notes_it()
    {
        var registry = PduRegistry.BuiltIn;
        using var data = SharedFixtures.Data("pdus-england-wales.json");
        var noted = data.RootElement.EnumerateArray().Where(p => p.TryGetProperty("notes", out var n) && n.GetString() is { Length: > 0 })
            .ToDictionary(p => p.GetProperty("pdu").GetString()!, p => p.GetProperty("notes").GetString()!);

        Assert.Equal(noted.Keys.Order(StringComparer.Ordinal), registry.Pdus.Where(p => p.IsUncertain).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(registry.Pdus.Where(p => p.IsUncertain), p => Assert.Equal(noted[p.Name], p.Uncertainty));
        Assert.Contains("UNCERTAIN", registry.Resolve("North Kent and Medway")!.Uncertainty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Newcastle upon Tyne", "newcastle-upon-tyne")]
    [InlineData("South Tyneside and Gateshead", "gateshead-and-south-tyneside")]
    [InlineData("south-tyneside-and-gateshead", "gateshead-and-south-tyneside")]
    [InlineData("Swansea, Neath and Port-Talbot", "swansea-neath-port-talbot")]
    [InlineData("Bury and Rochdale", "bury-and-rochdale")]
    [InlineData("Ealing and Hillingdom", "ealing-and-hillingdon")]
    [InlineData("redcar-cleveland-and-middlesbrough", "redcar-cleveland-middlesbrough")]
    [InlineData("Tameside", "stockport-and-tameside")]
    public void Other_spellings_of_a_pdu_resolve_to_it(string spelling, string id) =>
        Assert.Equal(id, PduRegistry.BuiltIn.Resolve(spelling)?.Id);

    [Fact]
    public void A_regions_old_spelling_is_read_as_its_official_one_in_lookups_and_changes()
    {
        var registry = PduRegistry.BuiltIn;

        Assert.Equal("Kent, Surrey and Sussex", registry.CanonicalRegion("Kent Surrey and Sussex"));
        Assert.Equal("Wales", registry.CanonicalRegion("Wales"));
        // A change stored by an earlier version, under the old spelling, is made under the official one.
        var added = Change(RegistryChangeKind.PduAdded, "old-pdu", "Old PDU", "Kent Surrey and Sussex");
        Assert.Null(registry.Refusal(added));
        Assert.Equal("Kent, Surrey and Sussex", registry.With(added).Find("old-pdu")!.Region);
        Assert.Null(registry.Refusal(Change(RegistryChangeKind.RegionAdded, "", "", "Kent Surrey and Sussex")));
        Assert.Equal(12, registry.With(Change(RegistryChangeKind.RegionAdded, "", "", "Kent Surrey and Sussex")).Regions.Count);
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
