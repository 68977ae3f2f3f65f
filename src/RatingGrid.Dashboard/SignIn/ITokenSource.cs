namespace RatingGrid.Dashboard.SignIn;

/// <summary>The bearer token the dashboard's calls carry, and where a person goes to get one.</summary>
public interface ITokenSource
{
    /// <summary>A token that has not expired, or null: the person must sign in (again).</summary>
    ValueTask<string?> GetAsync(CancellationToken cancellationToken);

    /// <summary>The page that signs a person in and then returns to <paramref name="returnPath"/>.</summary>
    string SignInAddress(string returnPath);

    /// <summary>Forgets the token, so the next call asks the person to sign in.</summary>
    ValueTask SignOutAsync();
}
