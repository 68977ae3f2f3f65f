namespace RatingGrid.Domain.Registry;

/// <summary>A Probation Delivery Unit: its stable id, its name (which may change), and its region.</summary>
public sealed record Pdu(string Id, string Name, string Region);
