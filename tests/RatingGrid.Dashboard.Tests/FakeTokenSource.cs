using RatingGrid.Dashboard.SignIn;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.Tests;

/// <summary>A token source that remembers what was saved, and the development sign-in's address.</summary>
internal sealed class FakeTokenSource : ITokenSource, ITokenStore
{
    public SignedInToken? Saved { get; private set; }

    public ValueTask<string?> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Saved?.Token);

    public string SignInAddress(string returnPath) => $"sign-in?return={Uri.EscapeDataString(returnPath)}";

    public ValueTask SignOutAsync()
    {
        Saved = null;
        return ValueTask.CompletedTask;
    }

    public ValueTask SaveAsync(SignedInToken token)
    {
        Saved = token;
        return ValueTask.CompletedTask;
    }
}
