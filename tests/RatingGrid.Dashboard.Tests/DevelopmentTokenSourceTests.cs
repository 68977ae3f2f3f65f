using Bunit;
using RatingGrid.Dashboard.SignIn;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.Tests;

/// <summary>The development token is kept for the tab's session and handed out only until it expires.</summary>
public sealed class DevelopmentTokenSourceTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    public DevelopmentTokenSourceTests() => _context.JSInterop.Mode = JSRuntimeMode.Loose;

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task A_saved_token_is_handed_out_until_shortly_before_it_expires_then_no_more()
    {
        var tokens = new DevelopmentTokenSource(_context.JSInterop.JSRuntime, _clock);
        await tokens.SaveAsync(new SignedInToken("t", _clock.GetUtcNow().AddMinutes(30)));

        Assert.Equal("t", await tokens.GetAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Single(_context.JSInterop.Invocations, i => i.Identifier == "sessionStorage.setItem");

        _clock.Now = _clock.Now.AddMinutes(30);

        Assert.Null(await tokens.GetAsync(Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_token_left_in_the_session_by_an_earlier_load_is_read_back()
    {
        _context.JSInterop.Setup<string?>("sessionStorage.getItem", "ratinggrid.token")
            .SetResult("""{"Token":"kept","ExpiresAt":"2026-12-02T10:20:00+00:00"}""");
        var tokens = new DevelopmentTokenSource(_context.JSInterop.JSRuntime, _clock);

        Assert.Equal("kept", await tokens.GetAsync(Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task After_signing_out_no_token_is_handed_out()
    {
        var tokens = new DevelopmentTokenSource(_context.JSInterop.JSRuntime, _clock);
        await tokens.SaveAsync(new SignedInToken("t", _clock.GetUtcNow().AddMinutes(30)));

        await tokens.SignOutAsync();

        Assert.Null(await tokens.GetAsync(Xunit.TestContext.Current.CancellationToken));
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
