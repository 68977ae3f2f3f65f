using RatingGrid.Contracts.V1;

namespace RatingGrid.Web.Tests;

/// <summary>Wire inspections to render: one case-rated standard with three key questions, rated or provisional.</summary>
internal static class Inspections
{
    public static Inspection Rated(long version, int safetyYes = 13)
    {
        var inspection = new Inspection
        {
            InspectionId = "redcar-2025",
            PduName = "Redcar, Cleveland and Middlesbrough",
            Region = "North East",
            Status = InspectionStatus.Published,
            Version = version,
            Results = new Results
            {
                Cases = 44,
                Overall = new Overall { Score = 5, MaxScore = 21, Rating = Rating.RequiresImprovement },
                Standards = { new StandardRating { StandardId = "P2.1", Name = "Assessment", Rating = Rating.Inadequate } },
            },
        };
        inspection.Results.KeyQuestions.Add(Figures("P2.1.E", 31, 44));
        inspection.Results.KeyQuestions.Add(Figures("P2.1.D", 30, 44));
        inspection.Results.KeyQuestions.Add(Figures("P2.1.S", safetyYes, 44));
        return inspection;
    }

    public static Inspection Provisional()
    {
        var inspection = Rated(3);
        inspection.Status = InspectionStatus.Open;
        inspection.Results.Overall = new Overall { Score = 1, MaxScore = 21, Provisional = true, LowestReachableScore = 1, HighestReachableScore = 19, PossibleRatings = { Rating.Inadequate, Rating.RequiresImprovement, Rating.Good } };
        inspection.Results.Standards[0].Provisional = true;
        return inspection;
    }

    private static KeyQuestionFigures Figures(string id, int yes, int applicable) => new()
    {
        KeyQuestionId = id,
        StandardId = "P2.1",
        Yes = yes,
        No = applicable - yes,
        Applicable = applicable,
        HasData = true,
        ExactPercent = 100.0 * yes / applicable,
        RoundedPercent = (int)Math.Floor((100.0 * yes / applicable) + 0.5),
        Interval95 = new PercentInterval { LowerPercent = 100.0 * yes / applicable - 10, UpperPercent = 100.0 * yes / applicable + 10 },
        Headroom = new BandHeadroom { YesToLift = 3, NoToLower = 2 },
    };
}
