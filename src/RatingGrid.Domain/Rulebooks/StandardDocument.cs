using System.Text.Json.Serialization;

namespace RatingGrid.Domain.Rulebooks;

internal sealed record StandardDocument(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("rated")] string? Rated,
    [property: JsonPropertyName("keyQuestions")] List<KeyQuestionDocument?>? KeyQuestions);
