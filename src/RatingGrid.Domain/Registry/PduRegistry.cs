using System.Reflection;
using System.Text.Json;
using RatingGrid.Domain.Identifiers;

namespace RatingGrid.Domain.Registry;

/// <summary>
/// Regions and their PDUs, as reference data: the built-in data file (validated when loaded, like
/// rulebooks) and the audited changes made since. A PDU's id never changes and its region is fixed;
/// its name may be changed. Immutable: a change gives a new registry.
/// </summary>
public sealed class PduRegistry
{
    private const string Resource = "RatingGrid.Domain.Registry.registry.json";
    private static readonly Lazy<PduRegistry> BuiltInRegistry = new(LoadBuiltIn);
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, Pdu> _pdus;
    private readonly HashSet<string> _regions;

    private PduRegistry(int version, IEnumerable<string> regions, IEnumerable<Pdu> pdus)
    {
        FileVersion = version;
        _regions = new HashSet<string>(regions, StringComparer.Ordinal);
        _pdus = pdus.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The registry the service ships with.</summary>
    public static PduRegistry BuiltIn => BuiltInRegistry.Value;

    /// <summary>The version of the data file it was loaded from.</summary>
    public int FileVersion { get; }

    public IReadOnlyList<string> Regions => [.. _regions.Order(StringComparer.Ordinal)];

    public IReadOnlyList<Pdu> Pdus => [.. _pdus.Values.OrderBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)];

    public Pdu? Find(string pduId) => _pdus.GetValueOrDefault(pduId);

    public bool HasRegion(string region) => _regions.Contains(region);

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

        var pdus = new List<Pdu>();
        foreach (var pdu in file.Pdus ?? [])
        {
            var refusal = RefusePdu(pdu.Id ?? "", pdu.Name ?? "", pdu.Region ?? "", regions, pdus.Select(p => p.Id));
            if (refusal is null)
            {
                pdus.Add(new Pdu(pdu.Id!, pdu.Name!, pdu.Region!));
            }
            else
            {
                problems.Add(refusal.Message);
            }
        }

        return problems.Count == 0
            ? new PduRegistry(file.Version, regions, pdus)
            : throw new InvalidDataException($"{source}: {string.Join("; ", problems)}.");
    }

    /// <summary>Why <paramref name="change"/> cannot be made (and which field is at fault), or null when it can; making it again is no refusal.</summary>
    public RegistryRefusal? Refusal(RegistryChange change) => change.Kind switch
    {
        RegistryChangeKind.RegionAdded => !Identifier.IsPrintable(change.Region) || change.Region.Trim() != change.Region || change.Region.Length == 0
            ? new("region", "is not a name (printable, not blank, no spaces at either end)")
            : null,
        RegistryChangeKind.PduAdded => Find(change.PduId) is { } held
            ? held.Region == change.Region && held.Name == change.Name ? null : new("pdu_id", $"PDU '{change.PduId}' is already registered, as '{held.Name}' in {held.Region}; rename it with RenamePdu (its region never changes)", Conflict: true)
            : RefusePdu(change.PduId, change.Name, change.Region, _regions, []),
        RegistryChangeKind.PduRenamed => Find(change.PduId) is null
            ? new("pdu_id", $"no PDU '{change.PduId}' is registered", NotFound: true)
            : IsName(change.Name) ? null : new("name", "is not a name (printable, not blank)"),
        _ => new("kind", $"{change.Kind} is not a change"),
    };

    /// <summary>The registry with <paramref name="change"/> made; it must have been found acceptable by <see cref="Refusal"/>.</summary>
    public PduRegistry With(RegistryChange change) => change.Kind switch
    {
        RegistryChangeKind.RegionAdded => new(FileVersion, _regions.Append(change.Region).Distinct(StringComparer.Ordinal), _pdus.Values),
        RegistryChangeKind.PduAdded => new(FileVersion, _regions, _pdus.Values.Where(p => p.Id != change.PduId).Append(new Pdu(change.PduId, change.Name, change.Region))),
        RegistryChangeKind.PduRenamed => new(FileVersion, _regions, _pdus.Values.Select(p => p.Id == change.PduId ? p with { Name = change.Name } : p)),
        _ => this,
    };

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

    private sealed record RegistryFile(int Version, string? Source, List<string>? Regions, List<RegistryFilePdu>? Pdus);

    private sealed record RegistryFilePdu(string? Id, string? Name, string? Region);
}
