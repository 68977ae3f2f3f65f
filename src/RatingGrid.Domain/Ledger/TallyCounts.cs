using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

// Running counts for every key question, flat (yes, no, not applicable per key question) so that
// counting an answer is one indexed add: this is the innermost loop of every change.
internal sealed class TallyCounts(int keyQuestionCount)
{
    private readonly int[] _counts = new int[keyQuestionCount * 3];

    public int KeyQuestionCount { get; } = keyQuestionCount;

    public AnswerTally this[int keyQuestion] =>
        new(_counts[keyQuestion * 3], _counts[(keyQuestion * 3) + 1], _counts[(keyQuestion * 3) + 2]);

    /// <summary>Counts (delta = 1) or uncounts (-1) one case's answers, indexed by key question.</summary>
    public void Add(Answer[] answers, int delta)
    {
        var counts = _counts;
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = (int)answers[i];
            if (answer != 0)
            {
                // Yes = 1, No = 2, NotApplicable = 3 map onto offsets 0, 1, 2.
                counts[(i * 3) + answer - 1] += delta;
            }
        }
    }

    public AnswerTally[] ToArray()
    {
        var tallies = new AnswerTally[KeyQuestionCount];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = this[i];
        }

        return tallies;
    }
}
