using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>Per-key-question counts, in rulebook order: part of a standing's wire shape.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.TallyData")]
public sealed record TallyData([property: Id(0)] int[] Yes, [property: Id(1)] int[] No, [property: Id(2)] int[] NotApplicable)
{
    public static TallyData From(IReadOnlyList<AnswerTally> tallies)
    {
        var (yes, no, notApplicable) = (new int[tallies.Count], new int[tallies.Count], new int[tallies.Count]);
        for (var i = 0; i < tallies.Count; i++)
        {
            (yes[i], no[i], notApplicable[i]) = (tallies[i].Yes, tallies[i].No, tallies[i].NotApplicable);
        }

        return new TallyData(yes, no, notApplicable);
    }

    public AnswerTally[] ToTallies()
    {
        var tallies = new AnswerTally[Yes.Length];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = new AnswerTally(Yes[i], No[i], NotApplicable[i]);
        }

        return tallies;
    }
}
