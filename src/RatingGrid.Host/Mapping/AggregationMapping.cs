using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Host.Mapping;

/// <summary>Regional and national figures, and inspections' standings, on the wire.</summary>
internal static class AggregationMapping
{
    private static readonly ConditionalWeakTable<AggregateView, Contracts.V1.AggregateFigures> Mapped = [];
    private static readonly ConditionalWeakTable<AggregateView, NationFigures> NationMapped = [];

    /// <summary>The view's wire form, made once per view (see <see cref="InspectionMapping.ToWire(Grains.Abstractions.Inspections.InspectionView)"/>). Shared: never modify it.</summary>
    public static Contracts.V1.AggregateFigures ToWire(this AggregateView view) => Mapped.GetValue(view, static v => SharedWire.Share(Map(v)));

    /// <summary>The nation's figures without its inspections, made once per view. Shared: never modify it.</summary>
    public static NationFigures ToNationWire(this AggregateView view) => NationMapped.GetValue(view, static v => SharedWire.Share(new NationFigures { Figures = v.ToWire() }));

    private static Contracts.V1.AggregateFigures Map(AggregateView view) => new()
    {
        Scope = view.Key.Scope,
        Version = view.Version,
        Rulebooks = { view.Rulebooks.Select(ToWire) },
    };

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
    };

    public static Contracts.V1.PduInspection ToWire(this Domain.Aggregation.PduInspection inspection) => new()
    {
        Summary = inspection.Standing.ToWire(),
        Changes =
        {
            inspection.Changes.Select(c => new Contracts.V1.RatingChange { Id = c.Id, Before = c.Before.ToWire(), After = c.After.ToWire(), Direction = c.Direction }),
        },
    };

    public static Contracts.V1.Report ToWire(this ReportView view, ReportQuery query, Visibility visibility, bool includeInspections)
    {
        var report = new Contracts.V1.Report
        {
            Scope = view.Key.Scope,
            Version = view.Version,
            AsOf = query.Period is null ? query.AsOf.ToWire() : null,
            Period = query.Period is { } p ? new Contracts.V1.ReportPeriod { Basis = p.Basis.ToWire(), From = p.From.ToWire(), To = p.To.ToWire() } : null,
            IncludesUnpublished = visibility == Visibility.Unpublished,
            Rulebooks = { view.Report.Rulebooks.Select(ToWire) },
        };
        if (includeInspections)
        {
            report.Inspections.AddRange(view.Report.Inspections.Select(ToWire));
        }

        return report;
    }

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
    };
}
