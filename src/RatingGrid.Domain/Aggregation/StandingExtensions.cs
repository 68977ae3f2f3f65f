using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Reads an inspection's standing off its ledger.</summary>
public static class StandingExtensions
{
    /// <summary>Where the inspection held by <paramref name="ledger"/> stands now.</summary>
    public static Standing Standing(this InspectionLedger ledger, string inspectionId, string pduName, string region, long version, DateTimeOffset changedAt = default, string pduId = "", Fieldwork? fieldwork = null,
        InspectionStatus status = InspectionStatus.Open, DateTimeOffset? publishedAt = null)
    {
        var results = ledger.Results();
        return new Standing(
            inspectionId,
            pduName,
            region,
            ledger.Rulebook.Key,
            version,
            results.Standards.ToDictionary(s => s.StandardId, s => s.Rating, StringComparer.Ordinal),
            results.Overall.Rating,
            results.Overall.Score,
            ledger.Snapshot(),
            changedAt,
            pduId,
            fieldwork,
            status,
            publishedAt,
            results.Standards.Where(s => s.IsProvisional).Select(s => s.StandardId).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Where an inspection recorded from its published report stands: the ratings the report gives
    /// (the others not published), its score where stated, and for pooling only the key-question
    /// figures whose counts it states. Its fieldwork is the stated one where both ends are known;
    /// its publication, the last day the stated one can mean, so it counts as published by then.
    /// </summary>
    public static Standing Standing(this PublishedReport report, Rulebook rulebook, string inspectionId, string pduName, string region, string pduId, long version, DateTimeOffset changedAt)
    {
        var tallies = new AnswerTally[rulebook.KeyQuestions.Count];
        var counted = false;
        foreach (var figure in report.KeyQuestions)
        {
            if (figure is { Yes: { } yes, Applicable: { } applicable } && rulebook.TryGetKeyQuestion(figure.KeyQuestionId, out var keyQuestion))
            {
                tallies[keyQuestion.Index] = new AnswerTally(yes, applicable - yes, 0);
                counted = true;
            }
        }

        var fieldwork = report.Fieldwork is { Earliest: { } start, Latest: { } end } ? new Fieldwork(start, end) : null;
        var published = report.Published.Latest is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        return new Standing(
            inspectionId,
            pduName,
            region,
            rulebook.Key,
            version,
            report.Standards.ToDictionary(s => s.Key, s => (Rating?)s.Value, StringComparer.Ordinal),
            report.Overall,
            report.Score ?? 0,
            new TallySnapshot(rulebook.Key, counted ? report.Cases ?? 0 : 0, tallies, new Dictionary<BreakdownKey, BreakdownTally>()),
            changedAt,
            pduId,
            fieldwork,
            InspectionStatus.Published,
            published,
            ProvisionalStandards: null,
            Report: report,
            NotPublishedStandards: report.NotPublished(rulebook));
    }
}
