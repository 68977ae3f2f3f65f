using RatingGrid.Contracts.V1;

namespace RatingGrid.Web.Tests;

/// <summary>Wire answers for the region and nation pages, as the service finishes them.</summary>
internal static class Summaries
{
    public static InspectionSummary Of(string id, string pdu, int fieldworkEndYear, Rating overall, InspectionStatus status = InspectionStatus.Published, params (string Id, Rating Rating)[] standards)
    {
        var summary = new InspectionSummary
        {
            InspectionId = id,
            PduId = pdu,
            PduName = $"PDU {pdu}",
            Region = "North East",
            Overall = overall,
            Score = overall == Rating.Unspecified ? 0 : (int)overall * 3,
            Status = status,
            FieldworkStart = new Date { Year = fieldworkEndYear, Month = 3, Day = 1 },
            FieldworkEnd = new Date { Year = fieldworkEndYear, Month = 3, Day = 14 },
        };
        summary.Standards.AddRange(standards.Select(s => new StandardRating { StandardId = s.Id, Rating = s.Rating }));
        return summary;
    }

    /// <summary>A region's answer at <paramref name="version"/>: its PDUs' rows as given.</summary>
    public static RegionPdus Region(long version, params RegionPdu[] rows) =>
        new() { Region = "North East", Version = version, AsOf = new Date { Year = 2026, Month = 12, Day = 2 }, Pdus = { rows } };

    /// <summary>A row: a PDU's newest inspection, the one before it (if any), and the changes the service found between them.</summary>
    public static RegionPdu Row(InspectionSummary newest, InspectionSummary? previous = null, params (string Id, Rating Before, Rating After)[] changes)
    {
        var row = new RegionPdu { Newest = newest, Previous = previous, Inspections = previous is null ? 1 : 2 };
        row.Changes.AddRange(changes.Select(c => new RatingChange { Id = c.Id, Before = c.Before, After = c.After, Direction = Math.Sign(c.After - c.Before) }));
        return row;
    }

    /// <summary>The nation's overview: a current-picture report under one rulebook (PDUs by overall rating, and one standard's), and each region's totals.</summary>
    public static NationOverview Current(int good, int requiresImprovement, int provisional, long version = 1, params (string Region, int Good, int RequiresImprovement, int Provisional)[] regions)
    {
        var overview = new NationOverview { Nation = Report(good, requiresImprovement, provisional, version) };
        overview.Regions.AddRange(regions.Select(r => new RegionTotals
        {
            Region = r.Region,
            Counted = r.Good + r.RequiresImprovement + r.Provisional,
            Overall = new RatingCounts { Good = r.Good, RequiresImprovement = r.RequiresImprovement, Unrated = r.Provisional, Provisional = r.Provisional },
        }));
        return overview;
    }

    private static Report Report(int good, int requiresImprovement, int provisional, long version)
    {
        var counts = new RatingCounts { Good = good, RequiresImprovement = requiresImprovement, Unrated = provisional, Provisional = provisional };
        var total = good + requiresImprovement + provisional;
        var figures = new RulebookFigures
        {
            Rulebook = new RulebookRef { Id = "hmip-probation-pdu-2025", Version = 1 },
            Inspections = total,
            Overall = counts,
            Current = new CurrentPicture { Pdus = total, Overall = counts },
        };
        figures.Standards.Add(new StandardCounts { StandardId = "P2.1", Counts = new RatingCounts { Inadequate = total } });
        return new Report { Scope = "nation", Version = version, AsOf = new Date { Year = 2026, Month = 12, Day = 2 }, Rulebooks = { figures } };
    }
}
