using System.Security.Claims;
using RatingGrid.Host.Access;

namespace RatingGrid.Host.Tests.Unit;

public sealed class ValidatedTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_validated_token_is_served_until_it_expires_and_never_after()
    {
        var clock = new StepClock(Start);
        var tokens = new ValidatedTokens(clock);
        var alice = Principal("alice");
        tokens.Add("token-a", alice, Start.AddMinutes(5));

        Assert.True(tokens.TryGet("token-a", out var served));
        Assert.Same(alice, served);
        Assert.False(tokens.TryGet("token-b", out _));

        clock.Now = Start.AddMinutes(5);
        Assert.False(tokens.TryGet("token-a", out _));
    }

    [Fact]
    public void A_full_cache_drops_expired_tokens_first_and_never_grows_past_its_capacity()
    {
        var clock = new StepClock(Start);
        var tokens = new ValidatedTokens(clock, capacity: 3);
        tokens.Add("old", Principal("old"), Start.AddMinutes(1));
        tokens.Add("live-1", Principal("one"), Start.AddHours(1));
        tokens.Add("live-2", Principal("two"), Start.AddHours(1));
        clock.Now = Start.AddMinutes(2);

        tokens.Add("live-3", Principal("three"), Start.AddHours(1));

        Assert.True(tokens.TryGet("live-1", out _));
        Assert.True(tokens.TryGet("live-3", out _));

        tokens.Add("live-4", Principal("four"), Start.AddHours(1));
        Assert.True(tokens.TryGet("live-4", out _));
        Assert.False(tokens.TryGet("live-1", out _)); // full of live tokens: started again
    }

    private static ClaimsPrincipal Principal(string subject) => new(new ClaimsIdentity([new Claim("sub", subject)], "test"));

    private sealed class StepClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
