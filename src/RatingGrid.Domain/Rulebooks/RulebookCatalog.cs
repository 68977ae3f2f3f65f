using System.Reflection;

namespace RatingGrid.Domain.Rulebooks;

/// <summary>The rulebooks an inspection may be opened with, by id and version.</summary>
public sealed class RulebookCatalog
{
    /// <summary>The default rulebook: HMIP's 2023 PDU framework.</summary>
    public static readonly RulebookKey DefaultKey = new("hmip-pdu-2023", 1);

    private const string ResourcePrefix = "RatingGrid.Domain.Rulebooks.";

    private static readonly Lazy<RulebookCatalog> BuiltInCatalog = new(LoadBuiltIn);

    private readonly Dictionary<RulebookKey, Rulebook> _rulebooks;

    public RulebookCatalog(IEnumerable<Rulebook> rulebooks)
    {
        _rulebooks = [];
        foreach (var rulebook in rulebooks)
        {
            if (!_rulebooks.TryAdd(rulebook.Key, rulebook))
            {
                throw new ArgumentException($"Rulebook {rulebook.Key} is listed twice.", nameof(rulebooks));
            }
        }
    }

    /// <summary>The rulebooks shipped inside this assembly.</summary>
    public static RulebookCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>Every rulebook, ordered by id then version.</summary>
    public IReadOnlyList<Rulebook> All => [.. _rulebooks.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Version)];

    public bool TryGet(RulebookKey key, out Rulebook rulebook) => _rulebooks.TryGetValue(key, out rulebook!);

    /// <summary>A rulebook by id and version, where version 0 means the newest version of the id; null when none matches.</summary>
    public Rulebook? Find(string id, int version) =>
        version == 0
            ? _rulebooks.Values.Where(r => r.Id == id).MaxBy(r => r.Version)
            : _rulebooks.GetValueOrDefault(new RulebookKey(id, version));

    /// <summary>Every key, for messages that tell a person what is available.</summary>
    public string Known => string.Join(", ", All.Select(r => r.Key));

    public Rulebook Get(RulebookKey key) =>
        TryGet(key, out var rulebook) ? rulebook : throw new KeyNotFoundException($"No rulebook {key}; known: {string.Join(", ", _rulebooks.Keys)}.");

    private static RulebookCatalog LoadBuiltIn()
    {
        var assembly = typeof(RulebookCatalog).Assembly;
        var rulebooks = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => RulebookLoader.Parse(ReadResource(assembly, n), n[ResourcePrefix.Length..]));
        return new RulebookCatalog(rulebooks);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded rulebook {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
