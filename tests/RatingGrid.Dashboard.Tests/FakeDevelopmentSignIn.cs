using RatingGrid.Dashboard.SignIn;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.Tests;

/// <summary>A development sign-in offering two regions, minting numbered tokens, or refusing when told to.</summary>
internal sealed class FakeDevelopmentSignIn : IDevelopmentSignIn
{
    public List<SignInRequest> Requests { get; } = [];

    public string? Refusal { get; set; }

    /// <summary>What asking for the choices answers: the two regions, or a pending or failed answer when a test sets it.</summary>
    public Task<SignInChoices> Choices { get; set; } =
        Task.FromResult(new SignInChoices(["London", "North East"], ["ratinggrid.read", "ratinggrid.national", "ratinggrid.unpublished"], 30));

    public Task<SignInChoices> ChoicesAsync(CancellationToken cancellationToken) => Choices;

    public Task<SignedInToken> SignInAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Refusal is { } refusal
            ? Task.FromException<SignedInToken>(new SignInRefusedException(refusal))
            : Task.FromResult(new SignedInToken($"token-{Requests.Count}", DateTimeOffset.UtcNow.AddMinutes(30)));
    }
}
