namespace RatingGrid.Security;

/// <summary>A development key file or value that cannot be used; the message says why and what to do.</summary>
public sealed class DevelopmentKeyException(string message) : Exception(message);
