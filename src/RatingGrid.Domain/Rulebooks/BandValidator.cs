namespace RatingGrid.Domain.Rulebooks;

// Checks a list of bands (case bands over percentages, overall bands over scores): each rating once,
// no overlap, no gap, ratings rising with the range, the whole range covered.
internal sealed class BandValidator(List<RulebookProblem> problems)
{
    public List<TBand>? Validate<TBand>(List<BandDocument?>? bands, string at, string unit, int low, int high, Func<Rating, int, int, TBand> make)
    {
        if (bands is null || bands.Count == 0)
        {
            Problem(at, $"must list bands covering {unit}s {low}..{high}");
            return null;
        }

        var before = problems.Count;
        var parsed = new List<(Rating Rating, int From, int To, string At)>();
        var ratingsSeen = new Dictionary<Rating, string>();
        for (var i = 0; i < bands.Count; i++)
        {
            var bandAt = $"{at}[{i}]";
            var band = bands[i];
            if (band is null)
            {
                Problem(bandAt, "is null");
                continue;
            }

            Rating rating = default;
            var ratingOk = band.Rating is not null && RulebookValidator.TryParseRating(band.Rating, out rating);
            if (!ratingOk)
            {
                Problem(bandAt + ".rating", $"{RulebookValidator.Quote(band.Rating)} is not a rating; expected one of {RulebookValidator.ScaleNames}");
            }
            else if (!ratingsSeen.TryAdd(rating, bandAt))
            {
                Problem(bandAt + ".rating", $"{rating} already has a band at {ratingsSeen[rating]}");
                ratingOk = false;
            }

            if (band.From is not { } from || band.To is not { } to)
            {
                Problem(bandAt, "needs both 'from' and 'to'");
                continue;
            }

            var boundsOk = true;
            if (from > to)
            {
                Problem(bandAt, $"'from' {from} is above 'to' {to}");
                boundsOk = false;
            }

            if (from < low || to > high)
            {
                Problem(bandAt, $"{from}..{to} falls outside the {unit} range {low}..{high}");
                boundsOk = false;
            }

            if (ratingOk && boundsOk)
            {
                parsed.Add((rating, from, to, bandAt));
            }
        }

        if (problems.Count > before)
        {
            // Coverage checks over a partial set of bands would only echo the problems already reported.
            return null;
        }

        parsed.Sort((a, b) => a.From.CompareTo(b.From));
        if (parsed.Count > 0 && parsed[0].From > low)
        {
            Problem(parsed[0].At, $"gap: {unit}s {low}..{parsed[0].From - 1} are in no band");
        }

        for (var i = 1; i < parsed.Count; i++)
        {
            var (prev, next) = (parsed[i - 1], parsed[i]);
            if (next.From <= prev.To)
            {
                Problem(next.At, $"overlaps {prev.At}: {unit}s {next.From}..{Math.Min(prev.To, next.To)} are in both");
            }
            else if (next.From > prev.To + 1)
            {
                Problem(next.At, $"gap: {unit}s {prev.To + 1}..{next.From - 1} are in no band");
            }

            if (next.Rating <= prev.Rating)
            {
                Problem(next.At, $"out of order: {next.Rating} for higher {unit}s than {prev.Rating} at {prev.At}");
            }
        }

        if (parsed.Count > 0 && parsed[^1].To < high)
        {
            Problem(parsed[^1].At, $"gap: {unit}s {parsed[^1].To + 1}..{high} are in no band");
        }

        return problems.Count > before ? null : [.. parsed.Select(b => make(b.Rating, b.From, b.To))];
    }

    private void Problem(string at, string message) => problems.Add(new RulebookProblem(at, message));
}
