using System.Text.Json.Serialization;

namespace RatingGrid.Domain.Rulebooks;

internal sealed record BandDocument(
    [property: JsonPropertyName("rating")] string? Rating,
    [property: JsonPropertyName("from")] int? From,
    [property: JsonPropertyName("to")] int? To);
