using System.Text.Json.Serialization;

namespace RatingGrid.Domain.Rulebooks;

internal sealed record KeyQuestionDocument(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("focus")] string? Focus,
    [property: JsonPropertyName("wording")] string? Wording);
