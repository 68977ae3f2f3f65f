using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Grains.Aggregates;

namespace RatingGrid.Host.Mapping;

/// <summary>Regional and national figures, and inspections' standings, on the wire.</summary>
internal static class AggregationMapping
{
    private static readonly ConditionalWeakTable<AggregateView, Contracts.V1.AggregateFigures> Mapped = [];
    private static readonly ConditionalWeakTable<AggregateView, NationFigures> NationMapped = [];
    private static readonly ConditionalWeakTable<object, object> AnswersMapped = [];

    /// <summary>
    /// The view's wire form, made once per view and shared by every reader while the host's copy is
    /// current (see <see cref="InspectionMapping.ToWire(Grains.Abstractions.Inspections.InspectionView)"/>);
    /// a copy of it saying since when, while the host's copy may be behind. Shared: never modify it.
    /// </summary>
    public static Contracts.V1.AggregateFigures ToWire(this AggregateView view, DateTimeOffset? behindSince) =>
        Behind(Mapped.GetValue(view, static v => SharedWire.Share(Map(v))), behindSince, static (m, at) => new Contracts.V1.AggregateFigures(m) { BehindSince = at });

    /// <summary>The nation's figures without its inspections, made once per view as above. Shared: never modify it.</summary>
    public static NationFigures ToNationWire(this AggregateView view, DateTimeOffset? behindSince) =>
        behindSince is null
            ? NationMapped.GetValue(view, static v => SharedWire.Share(new NationFigures { Figures = v.ToWire(null) }))
            : new NationFigures { Figures = view.ToWire(behindSince) };

    public static Contracts.V1.Report ToWire(this AggregateAnswer<Domain.Reporting.Report> answer, Visibility visibility, bool includeInspections, DateTimeOffset? behindSince)
    {
        var report = Map(answer, visibility);
        if (includeInspections)
        {
            report.Inspections.AddRange(answer.Answer.Inspections.Select(ToWire));
        }

        report.BehindSince = behindSince is { } at ? Timestamp.FromDateTimeOffset(at) : null;
        return report;
    }

    /// <summary>A region's PDUs, made once per answer and shared as the figures are.</summary>
    public static RegionPdus ToWire(this AggregateAnswer<IReadOnlyList<PduRow>> answer, string region, DateOnly asOf, Visibility visibility, DateTimeOffset? behindSince) =>
        Behind(
            (RegionPdus)AnswersMapped.GetValue(answer, a => SharedWire.Share(new RegionPdus
            {
                Region = region,
                Version = answer.Version,
                AsOf = asOf.ToWire(),
                IncludesUnpublished = visibility == Visibility.Unpublished,
                Pdus = { answer.Answer.Select(ToWire) },
            })),
            behindSince,
            static (m, at) => new RegionPdus(m) { BehindSince = at });

    /// <summary>The nation's overview, made once per answer and shared as the figures are.</summary>
    public static Contracts.V1.NationOverview ToWire(this AggregateAnswer<Domain.Reporting.NationOverview> answer, Visibility visibility, DateTimeOffset? behindSince) =>
        Behind(
            (Contracts.V1.NationOverview)AnswersMapped.GetValue(answer, a => SharedWire.Share(new Contracts.V1.NationOverview
            {
                Nation = Map(new AggregateAnswer<Domain.Reporting.Report>(answer.Key, answer.Version, answer.Answer.Nation), visibility),
                Regions =
                {
                    answer.Answer.Regions.Select(r => new Contracts.V1.RegionTotals
                    {
                        Region = r.Region, Counted = r.Counted, Overall = r.Overall.ToWire(), Registered = r.Registered, NotInspected = r.NotInspected, FromReports = r.FromReports,
                    }),
                },
            })),
            behindSince,
            static (m, at) => new Contracts.V1.NationOverview(m) { BehindSince = at });

    public static RulebookFigures ToWire(this Domain.Aggregation.AggregateFigures figures) => new()
    {
        Rulebook = new RulebookRef { Id = figures.Rulebook.Id, Version = figures.Rulebook.Version },
        Inspections = figures.Pooled.Inspections,
        Cases = figures.Pooled.Cases,
        KeyQuestions = { figures.Pooled.KeyQuestions.Select(k => k.ToWire()) }, // intervals only: headroom is for an inspection in fieldwork
        Breakdowns = { figures.Pooled.Breakdowns.Select(ToWire) },
        Overall = figures.Overall.ToWire(),
        Standards = { figures.Standards.Select(s => new StandardCounts { StandardId = s.Key, Counts = s.Value.ToWire() }) },
        Current = new Contracts.V1.CurrentPicture
        {
            Pdus = figures.Current.Pdus,
            Overall = figures.Current.Overall.ToWire(),
            Standards = { figures.Current.Standards.Select(s => new StandardCounts { StandardId = s.Key, Counts = s.Value.ToWire() }) },
        },
    };

    public static Breakdown ToWire(this PooledBreakdown b) => new()
    {
        Dimension = b.Key.Dimension,
        Value = b.Key.Value,
        Cases = b.Cases,
        KeyQuestions = { b.KeyQuestions.Select(k => k.ToWire()) },
    };

    public static Contracts.V1.RatingCounts ToWire(this Domain.Aggregation.RatingCounts counts) => new()
    {
        Inadequate = counts.ByRating[Domain.Rulebooks.Rating.Inadequate],
        RequiresImprovement = counts.ByRating[Domain.Rulebooks.Rating.RequiresImprovement],
        Good = counts.ByRating[Domain.Rulebooks.Rating.Good],
        Outstanding = counts.ByRating[Domain.Rulebooks.Rating.Outstanding],
        Unrated = counts.Unrated,
        Provisional = counts.Provisional,
        NotPublished = counts.NotPublished,
    };

    public static Contracts.V1.PduInspection ToWire(this Domain.Aggregation.PduInspection inspection) => new()
    {
        Summary = inspection.Standing.ToWire(),
        Changes = { inspection.Changes.Select(ToWire) },
    };

    public static Contracts.V1.RatingChange ToWire(this Domain.Aggregation.RatingChange change) =>
        new() { Id = change.Id, Before = change.Before.ToWire(), After = change.After.ToWire(), Direction = change.Direction };

    public static RegionPdu ToWire(this PduRow row) => new()
    {
        Newest = row.Newest.ToWire(),
        Previous = row.Previous?.ToWire(),
        Changes = { row.Changes.Select(ToWire) },
        Inspections = row.Inspections,
    };

    public static InspectionSummary ToWire(this Standing standing) => new()
    {
        InspectionId = standing.InspectionId,
        PduName = standing.PduName,
        Region = standing.Region,
        Rulebook = new RulebookRef { Id = standing.Rulebook.Id, Version = standing.Rulebook.Version },
        Version = standing.Version,
        Overall = standing.Overall.ToWire(),
        Score = standing.Score,
        Cases = standing.Cases,
        Standards = { standing.StandardRatings.Select(s => new StandardRating { StandardId = s.Key, Rating = s.Value.ToWire() }) },
        PduId = standing.PduId,
        FieldworkStart = standing.Fieldwork?.Start.ToWire(),
        FieldworkEnd = standing.Fieldwork?.End.ToWire(),
        Status = standing.Status.ToWire(),
        PublishedAt = standing.PublishedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        PublishedReport = standing.Report?.ToWire(),
    };

    private static Contracts.V1.AggregateFigures Map(AggregateView view) => new()
    {
        Scope = view.Key.Scope,
        Version = view.Version,
        Rulebooks = { view.Rulebooks.Select(ToWire) },
    };

    private static Contracts.V1.Report Map(AggregateAnswer<Domain.Reporting.Report> answer, Visibility visibility)
    {
        var query = answer.Answer.Query;
        return new Contracts.V1.Report
        {
            Scope = answer.Key.Scope,
            Version = answer.Version,
            AsOf = query.Period is null ? query.AsOf.ToWire() : null,
            Period = query.Period is { } p ? new Contracts.V1.ReportPeriod { Basis = p.Basis.ToWire(), From = p.From.ToWire(), To = p.To.ToWire() } : null,
            IncludesUnpublished = visibility == Visibility.Unpublished,
            Rulebooks = { answer.Answer.Rulebooks.Select(ToWire) },
        };
    }

    // While the host's copy may be behind, a shared message is copied to say since when (rare, so the copy is no cost worth avoiding).
    private static T Behind<T>(T shared, DateTimeOffset? behindSince, Func<T, Timestamp, T> withTime) =>
        behindSince is { } at ? withTime(shared, Timestamp.FromDateTimeOffset(at)) : shared;
}
