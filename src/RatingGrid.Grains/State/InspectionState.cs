using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.State;

/// <summary>
/// What storage holds for one inspection. Each case keeps its accepted revisions (its audit trail);
/// its latest revision is its current judgement, so the trail is the only copy of the data.
/// </summary>
/// <remarks>Mutable on purpose: the grain changes it in place and writes it whole.</remarks>
[GenerateSerializer, Alias("RatingGrid.InspectionState.v1")]
public sealed class InspectionState
{
    [Id(0)]
    public InspectionDetails? Details { get; set; }

    [Id(1)]
    public bool IsClosed { get; set; }

    /// <summary>Goes up by one with every change that took effect.</summary>
    [Id(2)]
    public long Version { get; set; }

    [Id(3)]
    public DateTimeOffset LastChangedAt { get; set; }

    [Id(4)]
    public Dictionary<string, List<CaseRevisionRecord>> Cases { get; set; } = [];

    [Id(5)]
    public Dictionary<string, JudgedRatingRecord> JudgedRatings { get; set; } = [];
}

/// <summary>One accepted revision of a case: a judgement, or (with no judgement) a withdrawal.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.CaseRevisionRecord.v1")]
public sealed record CaseRevisionRecord(
    [property: Id(0)] long Revision,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] StoredJudgement? Judgement);

/// <summary>
/// A judgement in compact form: one byte per key question, in rulebook order (0 = not answered,
/// otherwise the <see cref="Domain.Ledger.Answer"/> value). A rulebook version never changes, so
/// the order is stable for the life of the inspection.
/// </summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.StoredJudgement.v1")]
public sealed record StoredJudgement(
    [property: Id(0)] string CaseType,
    [property: Id(1)] TraitInput[] Traits,
    [property: Id(2)] byte[] Answers);

/// <summary>A judged standard's rating, with who set it and when.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgedRatingRecord.v1")]
public sealed record JudgedRatingRecord(
    [property: Id(0)] Rating Rating,
    [property: Id(1)] string Rationale,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset SetAt);
