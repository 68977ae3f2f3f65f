namespace RatingGrid.Dashboard.SignIn;

/// <summary>The host refused a sign-in; the message is its reason.</summary>
public sealed class SignInRefusedException(string message) : Exception(message);
