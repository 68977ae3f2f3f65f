using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Grains.Storage;

/// <summary>What a region or the nation is rebuilt from: each inspection's newest standing, and its standing as last published.</summary>
public sealed record StoredStandings(IReadOnlyList<Standing> Newest, IReadOnlyList<Standing> Published);
