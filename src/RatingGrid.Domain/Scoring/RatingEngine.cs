using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Scoring;

/// <summary>
/// Turns key-question tallies and judged ratings into standard and overall ratings. Its cost
/// depends only on the rulebook's size, never on the number of cases behind the tallies.
/// </summary>
public static class RatingEngine
{
    /// <summary>Rates an inspection from its tallies (indexed like <see cref="Rulebook.KeyQuestions"/>) and judged ratings.</summary>
    public static InspectionResults Rate(Rulebook rulebook, ReadOnlySpan<AnswerTally> tallies, IReadOnlyDictionary<string, JudgedRating> judged)
    {
        var keyQuestions = KeyQuestionResults(rulebook, tallies);
        var standards = new StandardResult[rulebook.Standards.Count];
        for (var i = 0; i < standards.Length; i++)
        {
            var standard = rulebook.Standards[i];
            standards[i] = standard.Kind == StandardKind.Judged
                ? RateJudged(rulebook, standard, judged.GetValueOrDefault(standard.Id))
                : RateFromCases(rulebook, standard, keyQuestions);
        }

        return new InspectionResults(rulebook.Key, keyQuestions, standards, Overall(rulebook, standards));
    }

    /// <summary>Figures for each key question, indexed like <see cref="Rulebook.KeyQuestions"/>.</summary>
    public static KeyQuestionResult[] KeyQuestionResults(Rulebook rulebook, ReadOnlySpan<AnswerTally> tallies)
    {
        if (tallies.Length != rulebook.KeyQuestions.Count)
        {
            throw new ArgumentException($"Expected {rulebook.KeyQuestions.Count} tallies for {rulebook.Key}, got {tallies.Length}.", nameof(tallies));
        }

        var results = new KeyQuestionResult[tallies.Length];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = KeyQuestionResult(rulebook, rulebook.KeyQuestions[i], tallies[i]);
        }

        return results;
    }

    /// <summary>The case-rated standards only, as for a breakdown or a pooled figure set.</summary>
    public static StandardResult[] RateCaseStandards(Rulebook rulebook, IReadOnlyList<KeyQuestionResult> keyQuestions) =>
        [.. rulebook.Standards.Where(s => s.Kind == StandardKind.CaseRated).Select(s => RateFromCases(rulebook, s, keyQuestions))];

    /// <summary>The case band that yes ÷ applicable falls in, on the rulebook's banding basis.</summary>
    public static Rating Band(Rulebook rulebook, int yes, int applicable)
    {
        var rounded = Percent.RoundHalfUp(yes, applicable);
        foreach (var band in rulebook.CaseBands)
        {
            var reaches = rulebook.BandingBasis == BandingBasis.RoundedWholePercent
                ? rounded >= band.FromPercent
                : Percent.ReachesExactly(yes, applicable, band.FromPercent);
            if (reaches)
            {
                return band.Rating;
            }
        }

        // Validation guarantees a band starting at 0, which every percentage reaches.
        throw new InvalidOperationException($"Rulebook {rulebook.Key} has no band for {yes}/{applicable}.");
    }

    private static KeyQuestionResult KeyQuestionResult(Rulebook rulebook, KeyQuestionDefinition definition, AnswerTally tally)
    {
        var applicable = tally.Applicable;
        var hasData = applicable > 0 && applicable >= rulebook.MinimumApplicableCases;
        return applicable == 0
            ? new KeyQuestionResult(definition.Id, definition.StandardId, tally, false, null, null)
            : new KeyQuestionResult(definition.Id, definition.StandardId, tally, hasData,
                Percent.Exact(tally.Yes, applicable), Percent.RoundHalfUp(tally.Yes, applicable));
    }

    private static StandardResult RateJudged(Rulebook rulebook, StandardDefinition standard, JudgedRating? judged) =>
        new(standard.Id, standard.Name, standard.Kind, judged?.Rating,
            judged is null ? null : rulebook.PointsFor(judged.Rating), IsProvisional: false, DrivenBy: null, judged?.Rationale);

    private static StandardResult RateFromCases(Rulebook rulebook, StandardDefinition standard, IReadOnlyList<KeyQuestionResult> keyQuestions)
    {
        KeyQuestionResult? lowest = null;
        var missing = 0;
        foreach (var definition in standard.KeyQuestions)
        {
            var result = keyQuestions[definition.Index];
            if (!result.HasData)
            {
                missing++;
            }
            else if (lowest is null || IsLower(rulebook, result.Tally, lowest.Tally))
            {
                lowest = result;
            }
        }

        if (lowest is null)
        {
            return new StandardResult(standard.Id, standard.Name, standard.Kind, null, null, IsProvisional: false, null, null);
        }

        var rating = Band(rulebook, lowest.Yes, lowest.Applicable);
        return new StandardResult(standard.Id, standard.Name, standard.Kind, rating, rulebook.PointsFor(rating),
            IsProvisional: missing > 0, lowest.KeyQuestionId, null);
    }

    // Lowest on the banding basis; a tie keeps the earlier key question.
    private static bool IsLower(Rulebook rulebook, AnswerTally candidate, AnswerTally current) =>
        rulebook.BandingBasis == BandingBasis.RoundedWholePercent
            ? Percent.RoundHalfUp(candidate.Yes, candidate.Applicable) < Percent.RoundHalfUp(current.Yes, current.Applicable)
            : Percent.CompareExact(candidate, current) < 0;

    private static OverallResult Overall(Rulebook rulebook, IReadOnlyList<StandardResult> standards)
    {
        var score = 0;
        var unrated = 0;
        foreach (var standard in standards)
        {
            if (standard.Points is { } points)
            {
                score += points;
            }
            else
            {
                unrated++;
            }
        }

        if (unrated == 0)
        {
            var rating = rulebook.OverallRatingFor(score);
            return new OverallResult(score, rulebook.MaxScore, rating, IsProvisional: false, score, score, [rating]);
        }

        var reachable = ReachableScores(rulebook, score, unrated);
        var possible = new SortedSet<Rating>();
        var lowest = int.MaxValue;
        var highest = int.MinValue;
        for (var s = 0; s < reachable.Length; s++)
        {
            if (reachable[s])
            {
                lowest = Math.Min(lowest, s);
                highest = Math.Max(highest, s);
                possible.Add(rulebook.OverallRatingFor(s));
            }
        }

        return new OverallResult(score, rulebook.MaxScore, null, IsProvisional: true, lowest, highest, [.. possible]);
    }

    // Exact set of final scores: the points scale need not be contiguous, so min..max alone could overstate.
    private static bool[] ReachableScores(Rulebook rulebook, int score, int unrated)
    {
        var reachable = new bool[rulebook.MaxScore + 1];
        reachable[score] = true;
        for (var i = 0; i < unrated; i++)
        {
            var next = new bool[reachable.Length];
            for (var s = 0; s < reachable.Length; s++)
            {
                if (!reachable[s])
                {
                    continue;
                }

                foreach (var rating in RatingNames.Scale)
                {
                    var total = s + rulebook.PointsFor(rating);
                    if (total < next.Length)
                    {
                        next[total] = true;
                    }
                }
            }

            reachable = next;
        }

        return reachable;
    }
}
