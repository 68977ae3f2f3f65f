namespace RatingGrid.Dashboard.SignIn;

/// <summary>A host without authentication: calls carry no token.</summary>
internal sealed class NoTokenSource : ITokenSource
{
    public ValueTask<string?> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public string SignInAddress(string returnPath) => "sign-in";

    public ValueTask SignOutAsync() => ValueTask.CompletedTask;
}
