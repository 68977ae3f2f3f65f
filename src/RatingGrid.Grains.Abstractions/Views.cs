using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains;

/// <summary>One key question's figures.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.KeyQuestionView")]
public sealed record KeyQuestionView(
    [property: Id(0)] string KeyQuestionId,
    [property: Id(1)] string StandardId,
    [property: Id(2)] int Yes,
    [property: Id(3)] int No,
    [property: Id(4)] int NotApplicable,
    [property: Id(5)] bool HasData,
    [property: Id(6)] double? ExactPercent,
    [property: Id(7)] int? RoundedPercent)
{
    public int Applicable => Yes + No;

    public static KeyQuestionView From(KeyQuestionResult r) =>
        new(r.KeyQuestionId, r.StandardId, r.Tally.Yes, r.Tally.No, r.Tally.NotApplicable, r.HasData, r.ExactPercent, r.RoundedPercent);
}

/// <summary>One standard's rating.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.StandardView")]
public sealed record StandardView(
    [property: Id(0)] string StandardId,
    [property: Id(1)] string Name,
    [property: Id(2)] StandardKind Kind,
    [property: Id(3)] Rating? Rating,
    [property: Id(4)] int? Points,
    [property: Id(5)] bool IsProvisional,
    [property: Id(6)] string? DrivenBy,
    [property: Id(7)] string? Rationale)
{
    public static StandardView From(StandardResult r) =>
        new(r.StandardId, r.Name, r.Kind, r.Rating, r.Points, r.IsProvisional, r.DrivenBy, r.Rationale);
}

/// <summary>The overall rating, or while provisional, what it can still become.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.OverallView")]
public sealed record OverallView(
    [property: Id(0)] int Score,
    [property: Id(1)] int MaxScore,
    [property: Id(2)] Rating? Rating,
    [property: Id(3)] bool IsProvisional,
    [property: Id(4)] int LowestReachableScore,
    [property: Id(5)] int HighestReachableScore,
    [property: Id(6)] IReadOnlyList<Rating> PossibleRatings)
{
    public static OverallView From(OverallResult r) =>
        new(r.Score, r.MaxScore, r.Rating, r.IsProvisional, r.LowestReachableScore, r.HighestReachableScore, r.PossibleRatings);
}

/// <summary>Every figure of an inspection.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.ResultsView")]
public sealed record ResultsView(
    [property: Id(0)] string RulebookId,
    [property: Id(1)] int RulebookVersion,
    [property: Id(2)] int Cases,
    [property: Id(3)] IReadOnlyList<KeyQuestionView> KeyQuestions,
    [property: Id(4)] IReadOnlyList<StandardView> Standards,
    [property: Id(5)] OverallView Overall)
{
    public static ResultsView From(InspectionResults results, int cases) =>
        new(results.Rulebook.Id, results.Rulebook.Version, cases,
            [.. results.KeyQuestions.Select(KeyQuestionView.From)],
            [.. results.Standards.Select(StandardView.From)],
            OverallView.From(results.Overall));
}

/// <summary>One breakdown slice's figures.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.BreakdownView")]
public sealed record BreakdownView(
    [property: Id(0)] string Dimension,
    [property: Id(1)] string Value,
    [property: Id(2)] int Cases,
    [property: Id(3)] IReadOnlyList<KeyQuestionView> KeyQuestions,
    [property: Id(4)] IReadOnlyList<StandardView> Standards)
{
    public static BreakdownView From(BreakdownResult r) =>
        new(r.Key.Dimension, r.Key.Value, r.Cases, [.. r.KeyQuestions.Select(KeyQuestionView.From)], [.. r.Standards.Select(StandardView.From)]);
}

/// <summary>Whether an inspection takes changes.</summary>
public enum InspectionStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>An inspection as last durably written.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.InspectionView")]
public sealed record InspectionView(
    [property: Id(0)] string InspectionId,
    [property: Id(1)] InspectionDetails Details,
    [property: Id(2)] InspectionStatus Status,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset LastChangedAt,
    [property: Id(5)] ResultsView Results);

/// <summary>One accepted change to a case, as the audit trail keeps it.</summary>
/// <param name="Withdrawn">True when this revision withdrew the case; the judgement is then null.</param>
[GenerateSerializer, Immutable, Alias("RatingGrid.CaseRevisionView")]
public sealed record CaseRevisionView(
    [property: Id(0)] long Revision,
    [property: Id(1)] bool Withdrawn,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] JudgementInput? Judgement);
