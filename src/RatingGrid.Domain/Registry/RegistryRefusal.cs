namespace RatingGrid.Domain.Registry;

/// <summary>Why a registry change cannot be made: the field at fault and what to do; a conflict with what is registered, or a PDU that is not.</summary>
public sealed record RegistryRefusal(string Field, string Message, bool Conflict = false, bool NotFound = false);
