using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Records;

/// <summary>
/// What a published inspection report states, for inspections done before RatingGrid: its overall
/// rating always; each standard's rating and key-question figures where the report gives them; score,
/// case count, fieldwork and publication dates where stated; where it was read; and what the source
/// leaves uncertain. Nothing more is inferred from it: a standard whose rating was not published
/// counts as not published, never as a guess.
/// </summary>
/// <param name="SourceUrl">The report (or the page that quotes it) the figures were read from; empty where no address was found (the notes then say where they came from).</param>
/// <param name="Sources">Every other address a figure was read or checked at.</param>
/// <param name="Notes">What the sources leave uncertain, in words.</param>
public sealed record PublishedReport(
    Rating Overall,
    IReadOnlyDictionary<string, Rating> Standards,
    IReadOnlyList<PublishedKeyQuestion> KeyQuestions,
    int? Score,
    int? Cases,
    StatedDates? Fieldwork,
    StatedDates Published,
    string SourceUrl,
    IReadOnlyList<string> Sources,
    string Notes)
{
    /// <summary>The standards of <paramref name="rulebook"/> whose rating the report does not give.</summary>
    public IReadOnlySet<string> NotPublished(Rulebook rulebook) =>
        rulebook.Standards.Select(s => s.Id).Where(id => !Standards.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether two reports state the same (recording one again is then harmless).</summary>
    public bool SameAs(PublishedReport other) =>
        Overall == other.Overall && Score == other.Score && Cases == other.Cases && Fieldwork == other.Fieldwork && Published == other.Published
        && SourceUrl == other.SourceUrl && Notes == other.Notes
        && Standards.Count == other.Standards.Count && Standards.All(s => other.Standards.TryGetValue(s.Key, out var r) && r == s.Value)
        && KeyQuestions.SequenceEqual(other.KeyQuestions) && Sources.SequenceEqual(other.Sources);
}
