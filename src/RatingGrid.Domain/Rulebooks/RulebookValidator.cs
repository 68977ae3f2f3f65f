namespace RatingGrid.Domain.Rulebooks;

// Turns a parsed document into a Rulebook, recording every problem with its JSON path.
internal sealed class RulebookValidator(List<RulebookProblem> problems)
{
    private readonly BandValidator _bands = new(problems);

    private const string CasesRated = "cases";
    private const string JudgedRated = "judged";

    public Rulebook? Build(RulebookDocument doc)
    {
        var id = RequireText(doc.Id, "$.id");
        if (doc.Version is not { } version)
        {
            Problem("$.version", "is required (a whole number of at least 1)");
            version = 0;
        }
        else if (version < 1)
        {
            Problem("$.version", $"must be at least 1, not {version}");
        }

        var title = doc.Title ?? id ?? "";
        var caseTypes = CaseTypes(doc.CaseTypes);
        var standards = Standards(doc.Standards);
        var caseBands = _bands.Validate(doc.CaseBands, "$.caseBands", "percentage", 0, 100, (r, f, t) => new CaseBand(r, f, t));
        var basis = Basis(doc.BandingBasis);
        var minimum = doc.MinimumApplicableCases ?? 1;
        if (minimum < 1)
        {
            Problem("$.minimumApplicableCases", $"must be at least 1, not {minimum}");
        }

        var points = Points(doc.Points);
        List<OverallBand>? overallBands = null;
        if (points is not null && standards is not null)
        {
            var maxScore = standards.Count * points.Values.Max();
            overallBands = _bands.Validate(doc.OverallBands, "$.overallBands", "score", 0, maxScore, (r, f, t) => new OverallBand(r, f, t));
        }
        else if (doc.OverallBands is null)
        {
            Problem("$.overallBands", "is required");
        }

        if (problems.Count > 0 || id is null || caseTypes is null || standards is null || caseBands is null
            || points is null || overallBands is null)
        {
            return null;
        }

        return new Rulebook(new RulebookKey(id, version), title, caseTypes, standards, caseBands, basis, minimum, points, overallBands);
    }

    private List<string>? CaseTypes(List<string?>? caseTypes)
    {
        if (caseTypes is null || caseTypes.Count == 0)
        {
            Problem("$.caseTypes", "must list at least one case type");
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < caseTypes.Count; i++)
        {
            var type = RequireText(caseTypes[i], $"$.caseTypes[{i}]");
            if (type is not null && !seen.Add(type))
            {
                Problem($"$.caseTypes[{i}]", $"duplicate case type '{type}'");
            }
        }

        return [.. seen];
    }

    private List<StandardDefinition>? Standards(List<StandardDocument?>? standards)
    {
        if (standards is null || standards.Count == 0)
        {
            Problem("$.standards", "must list at least one standard");
            return null;
        }

        var result = new List<StandardDefinition>();
        var standardIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyQuestionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyQuestionIndex = 0;
        for (var i = 0; i < standards.Count; i++)
        {
            var at = $"$.standards[{i}]";
            var doc = standards[i];
            if (doc is null)
            {
                Problem(at, "is null");
                continue;
            }

            var id = RequireText(doc.Id, at + ".id");
            if (id is not null && !standardIds.TryAdd(id, at))
            {
                Problem(at + ".id", $"duplicate standard id '{id}' (first at {standardIds[id]})");
            }

            var name = RequireText(doc.Name, at + ".name");
            var kind = doc.Rated switch
            {
                JudgedRated => StandardKind.Judged,
                CasesRated => StandardKind.CaseRated,
                _ => (StandardKind?)null,
            };
            if (kind is null)
            {
                Problem(at + ".rated", $"must be '{JudgedRated}' or '{CasesRated}', not {Quote(doc.Rated)}");
            }

            var keyQuestions = new List<KeyQuestionDefinition>();
            var kqCount = doc.KeyQuestions?.Count ?? 0;
            if (kind == StandardKind.Judged && kqCount > 0)
            {
                Problem(at + ".keyQuestions", "a judged standard has no key questions");
            }
            else if (kind == StandardKind.CaseRated && kqCount == 0)
            {
                Problem(at + ".keyQuestions", "a case-rated standard needs at least one key question");
            }

            for (var k = 0; k < kqCount; k++)
            {
                var kqAt = $"{at}.keyQuestions[{k}]";
                var kq = doc.KeyQuestions![k];
                if (kq is null)
                {
                    Problem(kqAt, "is null");
                    continue;
                }

                var kqId = RequireText(kq.Id, kqAt + ".id");
                if (kqId is not null && !keyQuestionIds.TryAdd(kqId, kqAt))
                {
                    Problem(kqAt + ".id", $"duplicate key question id '{kqId}' (first at {keyQuestionIds[kqId]})");
                }

                var focus = RequireText(kq.Focus, kqAt + ".focus");
                var wording = RequireText(kq.Wording, kqAt + ".wording");
                if (kqId is not null && focus is not null && wording is not null && id is not null)
                {
                    keyQuestions.Add(new KeyQuestionDefinition(kqId, focus, wording, id, keyQuestionIndex++));
                }
            }

            if (id is not null && name is not null && kind is { } k2)
            {
                result.Add(new StandardDefinition(id, name, k2, keyQuestions));
            }
        }

        return result;
    }

    private BandingBasis Basis(string? basis)
    {
        switch (basis)
        {
            case null:
            case "roundedWholePercent":
                return BandingBasis.RoundedWholePercent;
            case "exactFraction":
                return BandingBasis.ExactFraction;
            default:
                Problem("$.bandingBasis", $"must be 'roundedWholePercent' or 'exactFraction', not {Quote(basis)}");
                return BandingBasis.RoundedWholePercent;
        }
    }

    private Dictionary<Rating, int>? Points(Dictionary<string, int>? points)
    {
        if (points is null)
        {
            Problem("$.points", "is required: the points each rating scores");
            return null;
        }

        var result = new Dictionary<Rating, int>();
        var named = new HashSet<Rating>();
        var ok = true;
        foreach (var (name, value) in points)
        {
            if (!TryParseRating(name, out var rating))
            {
                Problem($"$.points.{name}", $"'{name}' is not a rating; expected one of {ScaleNames}");
                ok = false;
                continue;
            }

            named.Add(rating);
            if (value < 0)
            {
                Problem($"$.points.{name}", $"points must not be negative, not {value}");
                ok = false;
            }
            else
            {
                result[rating] = value;
            }
        }

        foreach (var rating in RatingNames.Scale.Where(r => !named.Contains(r)))
        {
            Problem($"$.points.{rating}", "is missing: every rating needs its points");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        for (var r = 1; r < RatingNames.Scale.Count; r++)
        {
            var worse = RatingNames.Scale[r - 1];
            var better = RatingNames.Scale[r];
            if (result[better] <= result[worse])
            {
                Problem($"$.points.{better}", $"{better} must score more than {worse} ({result[better]} <= {result[worse]})");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private string? RequireText(string? value, string at)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(at, "is required and must not be blank");
            return null;
        }

        return value;
    }

    internal static bool TryParseRating(string name, out Rating rating) =>
        Enum.TryParse(name, ignoreCase: true, out rating) && Enum.IsDefined(rating) && !int.TryParse(name, out _);

    internal static string ScaleNames => string.Join(", ", RatingNames.Scale);

    internal static string Quote(string? value) => value is null ? "nothing" : $"'{value}'";

    private void Problem(string at, string message) => problems.Add(new RulebookProblem(at, message));
}
