using RatingGrid.Contracts.V1;

namespace RatingGrid.Host.Access;

/// <summary>
/// The scope each rpc requires, read from its <c>(ratinggrid.v1.required_scope)</c> option, so the
/// contract clients read is the rule the server applies.
/// </summary>
internal sealed class AccessRules
{
    private readonly Dictionary<string, string> _scopes;

    private AccessRules(Dictionary<string, string> scopes) => _scopes = scopes;

    public static AccessRules FromContract { get; } = Build(InspectionService.Descriptor, RulebookService.Descriptor, AggregationService.Descriptor, RegistryService.Descriptor);

    public static AccessRules Build(params Google.Protobuf.Reflection.ServiceDescriptor[] services)
    {
        var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var method in services.SelectMany(s => s.Methods))
        {
            var scope = method.GetOptions()?.GetExtension(AccessExtensions.RequiredScope);
            if (string.IsNullOrEmpty(scope))
            {
                missing.Add(method.FullName);
            }
            else
            {
                scopes[$"/{method.Service.FullName}/{method.Name}"] = scope;
            }
        }

        // Closed by default: an rpc nobody decided on must not be open to every token.
        return missing.Count == 0
            ? new AccessRules(scopes)
            : throw new InvalidOperationException($"These rpcs declare no (ratinggrid.v1.required_scope): {string.Join(", ", missing)}.");
    }

    /// <summary>Whether the method is one of ours (health and reflection are not, and are open to all).</summary>
    public bool Governs(string method) => _scopes.ContainsKey(method);

    public string ScopeFor(string method) => _scopes[method];

    public IReadOnlyDictionary<string, string> All => _scopes;
}
