using RatingGrid.Host.Access;
using RatingGrid.Security;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>Callers as the access interceptor admits them.</summary>
internal static class Callers
{
    public static Caller Everything(string subject) =>
        new(subject, $"subject {subject}", Scopes.All.ToHashSet(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) { TokenClaims.AllRegions });

    public static Caller InRegion(string subject, string region) =>
        new(subject, $"subject {subject}", Scopes.All.ToHashSet(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) { region });
}
