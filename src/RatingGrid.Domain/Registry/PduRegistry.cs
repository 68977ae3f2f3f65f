using System.Reflection;
using System.Text.Json;
using RatingGrid.Domain.Identifiers;

namespace RatingGrid.Domain.Registry;

/// <summary>
/// Regions and their PDUs, as reference data: the built-in data file (validated when loaded, like
/// rulebooks) and the audited changes made since. A PDU's id never changes and its region is fixed;
/// its name may be changed. Other spellings resolve to the official one: a region's old spelling
/// (<see cref="CanonicalRegion"/>), a PDU's aliases and their ids (<see cref="Resolve"/>).
/// Immutable: a change gives a new registry.
/// </summary>
public sealed class PduRegistry
{
    private const string Resource = "RatingGrid.Domain.Registry.registry.json";
    private static readonly Lazy<PduRegistry> BuiltInRegistry = new(LoadBuiltIn);
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, Pdu> _pdus;
    private readonly HashSet<string> _regions;
    private readonly IReadOnlyDictionary<string, string> _regionAliases;
    private readonly Dictionary<string, string> _pduAliases;

    private PduRegistry(int version, IEnumerable<string> regions, IEnumerable<Pdu> pdus, IReadOnlyDictionary<string, string> regionAliases)
    {
        FileVersion = version;
        _regions = new HashSet<string>(regions, StringComparer.Ordinal);
        _pdus = pdus.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _regionAliases = regionAliases;
        _pduAliases = AliasIndex(_pdus.Values);
    }

    /// <summary>The registry the service ships with.</summary>
    public static PduRegistry BuiltIn => BuiltInRegistry.Value;

    /// <summary>The version of the data file it was loaded from.</summary>
    public int FileVersion { get; }

    public IReadOnlyList<string> Regions => [.. _regions.Order(StringComparer.Ordinal)];

    public IReadOnlyList<Pdu> Pdus => [.. _pdus.Values.OrderBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)];

    public Pdu? Find(string pduId) => _pdus.GetValueOrDefault(pduId);

    /// <summary>The PDU an id, one of its aliases' ids, or a name it is known by (its own or an alias, in any case) names; null for none.</summary>
    public Pdu? Resolve(string idOrName) =>
        Find(idOrName) ?? (_pduAliases.TryGetValue(idOrName, out var id) || _pduAliases.TryGetValue(Slug(idOrName), out id) ? Find(id) : null);

    public bool HasRegion(string region) => _regions.Contains(region);

    /// <summary>The official spelling of a region given in an old spelling (as data stored before may hold it); any other name as it is.</summary>
    public string CanonicalRegion(string region) => _regionAliases.GetValueOrDefault(region, region);

    /// <summary>The official spellings of regions by their old ones.</summary>
    public IReadOnlyDictionary<string, string> RegionAliases => _regionAliases;

    /// <summary>A name as an id: its letters and digits in lower case, the rest as single '-' ("Bury &amp; Rochdale": "bury-and-rochdale").</summary>
    public static string Slug(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>Reads and validates a data file; every problem is named in one <see cref="InvalidDataException"/>.</summary>
    public static PduRegistry Parse(string json, string source)
    {
        var file = JsonSerializer.Deserialize<RegistryFile>(json, Json) ?? throw new InvalidDataException($"{source}: empty.");
        var problems = new List<string>();
        if (file.Version < 1)
        {
            problems.Add("version must be 1 or more");
        }

        if (string.IsNullOrWhiteSpace(file.Source))
        {
            problems.Add("source must name where the regions and PDUs come from");
        }

        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in file.Regions ?? [])
        {
            if (!Identifier.IsPrintable(region) || region.Trim() != region || region.Length == 0)
            {
                problems.Add($"region '{region}' is not a name (printable, not blank, no spaces at either end)");
            }
            else if (!regions.Add(region))
            {
                problems.Add($"region '{region}' is listed twice");
            }
        }

        var regionAliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (old, official) in file.RegionAliases ?? [])
        {
            if (!regions.Contains(official) || regions.Contains(old))
            {
                problems.Add($"region alias '{old}' must name a registered region ('{official}' is {(regions.Contains(official) ? "one" : "not")}) and not be one itself");
            }
            else
            {
                regionAliases[old] = official;
            }
        }

        var pdus = new List<Pdu>();
        foreach (var pdu in file.Pdus ?? [])
        {
            var refusal = RefusePdu(pdu.Id ?? "", pdu.Name ?? "", pdu.Region ?? "", regions, pdus.Select(p => p.Id));
            if (refusal is null && (pdu.Sources ?? []).Any(s => !Uri.TryCreate(s, UriKind.Absolute, out _)))
            {
                refusal = new RegistryRefusal("sources", $"PDU '{pdu.Id}' names a source that is no address");
            }

            if (refusal is null)
            {
                pdus.Add(new Pdu(pdu.Id!, pdu.Name!, pdu.Region!, pdu.Aliases, pdu.Sources, pdu.Uncertainty));
            }
            else
            {
                problems.Add(refusal.Message);
            }
        }

        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pdu in pdus)
        {
            foreach (var alias in pdu.AllAliases.Prepend(pdu.Name).Select(Slug).Distinct(StringComparer.Ordinal))
            {
                if (claimed.TryGetValue(alias, out var other) && other != pdu.Id)
                {
                    problems.Add($"'{alias}' would name both PDU '{other}' and PDU '{pdu.Id}'");
                }

                claimed[alias] = pdu.Id;
            }
        }

        return problems.Count == 0
            ? new PduRegistry(file.Version, regions, pdus, regionAliases)
            : throw new InvalidDataException($"{source}: {string.Join("; ", problems)}.");
    }

    /// <summary>
    /// Why <paramref name="change"/> cannot be made (and which field is at fault), or null when it can;
    /// making it again is no refusal. A region in an old spelling is read as the official one.
    /// </summary>
    public RegistryRefusal? Refusal(RegistryChange change) => RefusalOf(Official(change));

    /// <summary>The registry with <paramref name="change"/> made; it must have been found acceptable by <see cref="Refusal"/>.</summary>
    public PduRegistry With(RegistryChange change) => WithOfficial(Official(change));

    private RegistryRefusal? RefusalOf(RegistryChange official) => official.Kind switch
    {
        RegistryChangeKind.RegionAdded => !Identifier.IsPrintable(official.Region) || official.Region.Trim() != official.Region || official.Region.Length == 0
            ? new("region", "is not a name (printable, not blank, no spaces at either end)")
            : null,
        RegistryChangeKind.PduAdded => Find(official.PduId) is { } held
            ? held.Region == official.Region && held.Name == official.Name ? null : new("pdu_id", $"PDU '{official.PduId}' is already registered, as '{held.Name}' in {held.Region}; rename it with RenamePdu (its region never changes)", Conflict: true)
            : RefusePdu(official.PduId, official.Name, official.Region, _regions, []),
        RegistryChangeKind.PduRenamed => Find(official.PduId) is null
            ? new("pdu_id", $"no PDU '{official.PduId}' is registered", NotFound: true)
            : IsName(official.Name) ? null : new("name", "is not a name (printable, not blank)"),
        _ => new("kind", $"{official.Kind} is not a change"),
    };

    private PduRegistry WithOfficial(RegistryChange official) => official.Kind switch
    {
        RegistryChangeKind.RegionAdded => new(FileVersion, _regions.Append(official.Region).Distinct(StringComparer.Ordinal), _pdus.Values, _regionAliases),
        RegistryChangeKind.PduAdded => new(FileVersion, _regions, _pdus.Values.Where(p => p.Id != official.PduId).Append(new Pdu(official.PduId, official.Name, official.Region)), _regionAliases),
        RegistryChangeKind.PduRenamed => new(FileVersion, _regions, _pdus.Values.Select(p => p.Id == official.PduId ? p with { Name = official.Name } : p), _regionAliases),
        _ => this,
    };

    private RegistryChange Official(RegistryChange change) => change with { Region = CanonicalRegion(change.Region) };

    // Each PDU by its official name's and its aliases' ids and names, so that any spelling finds it.
    private static Dictionary<string, string> AliasIndex(IEnumerable<Pdu> pdus)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pdu in pdus)
        {
            foreach (var name in pdu.AllAliases.Prepend(pdu.Name))
            {
                index.TryAdd(name, pdu.Id);
                index.TryAdd(Slug(name), pdu.Id);
            }
        }

        return index;
    }

    private static RegistryRefusal? RefusePdu(string id, string name, string region, HashSet<string> regions, IEnumerable<string> taken) =>
        !Identifier.IsWellFormed(id) ? new("pdu_id", $"'{id}' is not an id ({Identifier.Grammar})")
        : taken.Contains(id, StringComparer.Ordinal) ? new("pdu_id", $"PDU '{id}' is listed twice")
        : !IsName(name) ? new("name", $"PDU '{id}' has no name (printable, not blank)")
        : !regions.Contains(region) ? new("region", $"PDU '{id}' names region '{region}', which is not registered (known: {string.Join(", ", regions.Order(StringComparer.Ordinal))})")
        : null;

    private static bool IsName(string name) => name.Trim().Length > 0 && Identifier.IsPrintable(name);

    private static PduRegistry LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The built-in registry ({Resource}) is missing from {typeof(PduRegistry).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "registry.json");
    }

    private sealed record RegistryFile(int Version, string? Source, List<string>? Regions, Dictionary<string, string>? RegionAliases, List<RegistryFilePdu>? Pdus);

    private sealed record RegistryFilePdu(string? Id, string? Name, string? Region, List<string>? Aliases, List<string>? Sources, string? Uncertainty);
}
