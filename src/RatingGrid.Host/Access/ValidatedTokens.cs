using System.Collections.Concurrent;
using System.Security.Claims;

namespace RatingGrid.Host.Access;

/// <summary>
/// Bearer tokens already validated, with who they name, until they expire: a dashboard sends the
/// same token with every call, and checking its signature again each time cost a read a fifth of
/// its throughput. A token is only ever taken from here before its own expiry, so caching accepts
/// nothing the validator would refuse, except a token whose signing key was withdrawn since (until
/// it expires; tokens are short-lived for exactly that reason).
/// </summary>
internal sealed class ValidatedTokens(TimeProvider time, int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (_tokens.TryGetValue(token, out var entry) && entry.ValidTo > time.GetUtcNow())
        {
            principal = entry.Principal;
            return true;
        }

        principal = null!;
        return false;
    }

    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset validTo)
    {
        if (_tokens.Count >= capacity)
        {
            Evict();
        }

        _tokens[token] = new Entry(principal, validTo);
    }

    // Expired tokens go first; if the cache is still full, it starts again (a flood of distinct
    // valid tokens costs validation, never unbounded memory).
    private void Evict()
    {
        var now = time.GetUtcNow();
        foreach (var (token, entry) in _tokens)
        {
            if (entry.ValidTo <= now)
            {
                _tokens.TryRemove(token, out _);
            }
        }

        if (_tokens.Count >= capacity)
        {
            _tokens.Clear();
        }
    }

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ValidTo);
}
