using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.SignIn;

/// <summary>The host's development sign-in: what it offers, and a token for a choice.</summary>
public interface IDevelopmentSignIn
{
    Task<SignInChoices> ChoicesAsync(CancellationToken cancellationToken);

    /// <summary>Signs in; throws <see cref="SignInRefusedException"/> with the host's reason when it refuses.</summary>
    Task<SignedInToken> SignInAsync(SignInRequest request, CancellationToken cancellationToken);
}
