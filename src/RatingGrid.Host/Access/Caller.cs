using System.Security.Claims;
using Grpc.Core;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Security;
using RatingGrid.Domain.Registry;

namespace RatingGrid.Host.Access;

/// <summary>Who is calling, as proved by their token (or, without authentication, where from), and what they may do.</summary>
internal sealed record Caller(string? Subject, string LimitKey, IReadOnlySet<string> Scopes, IReadOnlySet<string> Regions)
{
    public bool CoversAllRegions => Regions.Contains(TokenClaims.AllRegions);

    public bool Grants(string scope) => Scopes.Contains(scope);

    public bool Covers(string region) => CoversAllRegions || Regions.Contains(region);

    /// <summary>Which inspections' figures the caller may see, by their place in the lifecycle.</summary>
    public Visibility Visibility { get; } =
        Scopes.Contains(Security.Scopes.Unpublished) ? Visibility.Unpublished
        : Scopes.Contains(Security.Scopes.Embargoed) ? Visibility.Embargoed
        : Visibility.Published;

    /// <summary>The actor for the audit trail: the token's subject whenever there is a token.</summary>
    public string Actor(string requested) => Subject ?? requested;

    public string Describe() => Subject is null ? LimitKey : $"'{Subject}'";

    public string DescribeRegions() => Regions.Count == 0 ? "no regions" : string.Join(", ", Regions.Order(StringComparer.Ordinal));

    private static readonly IReadOnlySet<string> EveryScope = Security.Scopes.All.ToHashSet(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> EveryRegion = new HashSet<string>(StringComparer.Ordinal) { TokenClaims.AllRegions };
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Authentication is off: everyone may do everything; limits apply per address.</summary>
    public static Caller Unchecked(ServerCallContext context) => new(null, $"address {Address(context)}", EveryScope, EveryRegion);

    /// <summary>No valid token: may do nothing, but is still counted (by address) against the call rate.</summary>
    public static Caller Unproven(ServerCallContext context) => new(null, $"address {Address(context)}", Nothing, Nothing);

    public static Caller FromToken(ClaimsPrincipal user, string subject)
    {
        var scopes = user.FindAll(c => c.Type is TokenClaims.Scope or TokenClaims.ScopeList)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        // A token minted with a region's old spelling covers the region by its official one.
        var regions = user.FindAll(TokenClaims.Region).Select(c => PduRegistry.BuiltIn.CanonicalRegion(c.Value)).ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, $"subject {subject}", scopes, regions);
    }

    /// <summary>The client's address, without its port: a client opening many connections is still one client.</summary>
    public static string Address(ServerCallContext context) =>
        context.GetHttpContext().Connection.RemoteIpAddress?.ToString() ?? context.Peer;
}
