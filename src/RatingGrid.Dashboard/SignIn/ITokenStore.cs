using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.SignIn;

/// <summary>Keeps the token a development sign-in minted, for the token source to hand out.</summary>
public interface ITokenStore
{
    ValueTask SaveAsync(SignedInToken token);
}
