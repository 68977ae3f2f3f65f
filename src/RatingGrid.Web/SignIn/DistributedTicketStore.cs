using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace RatingGrid.Web.SignIn;

/// <summary>
/// Keeps each session (the person, and the tokens the service is called with) on the server, so the
/// cookie carries only a random key: no token ever reaches the browser, even encrypted. In one
/// process's memory by default; several replicas share a distributed cache (docs/dashboard.md).
/// </summary>
internal sealed class DistributedTicketStore(IDistributedCache cache, TimeProvider time) : ITicketStore
{
    private const string Prefix = "ratinggrid-session-";
    private static readonly TimeSpan Longest = TimeSpan.FromHours(8);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, TicketSerializer.Default.Serialize(ticket), new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc is { } expires && expires - time.GetUtcNow() < Longest ? expires : time.GetUtcNow() + Longest,
        });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await cache.GetAsync(Prefix + key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}
