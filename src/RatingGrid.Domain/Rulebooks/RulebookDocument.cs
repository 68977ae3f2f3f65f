using System.Text.Json.Serialization;

namespace RatingGrid.Domain.Rulebooks;

// The rulebook file as written, every member optional so that validation (not the parser)
// reports what is missing, with its location.
internal sealed record RulebookDocument(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("caseTypes")] List<string?>? CaseTypes,
    [property: JsonPropertyName("standards")] List<StandardDocument?>? Standards,
    [property: JsonPropertyName("caseBands")] List<BandDocument?>? CaseBands,
    [property: JsonPropertyName("bandingBasis")] string? BandingBasis,
    [property: JsonPropertyName("minimumApplicableCases")] int? MinimumApplicableCases,
    [property: JsonPropertyName("points")] Dictionary<string, int>? Points,
    [property: JsonPropertyName("overallBands")] List<BandDocument?>? OverallBands);
