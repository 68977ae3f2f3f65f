using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Tests;

/// <summary>Wire summaries and reports for the region and nation pages.</summary>
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

    /// <summary>A current-picture report under one rulebook: PDUs by overall rating, and one standard's.</summary>
    public static Report Current(int good, int requiresImprovement, int provisional, long version = 1)
    {
        var counts = new RatingCounts { Good = good, RequiresImprovement = requiresImprovement, Unrated = provisional, Provisional = provisional };
        var figures = new RulebookFigures
        {
            Rulebook = new RulebookRef { Id = "hmip-probation-pdu-2025", Version = 1 },
            Inspections = good + requiresImprovement + provisional,
            Current = new CurrentPicture { Pdus = good + requiresImprovement + provisional, Overall = counts },
        };
        figures.Current.Standards.Add(new StandardCounts { StandardId = "P2.1", Counts = new RatingCounts { Inadequate = good + requiresImprovement + provisional } });
        return new Report { Scope = "nation", Version = version, AsOf = new Date { Year = 2026, Month = 12, Day = 2 }, Rulebooks = { figures } };
    }
}
