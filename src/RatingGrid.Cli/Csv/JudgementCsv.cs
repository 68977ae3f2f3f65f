using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Csv;

/// <summary>
/// Reads judgements from CSV. The header names the columns: <c>case_id</c>, <c>revision</c>,
/// <c>case_type</c>, any number of <c>trait:NAME</c> columns, and one column per key question
/// answered (its id, e.g. <c>P2.1.E</c>). Answers are <c>yes</c>, <c>no</c> or <c>n/a</c> (any case);
/// a blank answer leaves the key question unanswered. The whole file is checked before anything is
/// sent, and every problem is reported with its line and column.
/// </summary>
internal static class JudgementCsv
{
    private const string CaseIdColumn = "case_id";
    private const string RevisionColumn = "revision";
    private const string CaseTypeColumn = "case_type";
    private const string TraitPrefix = "trait:";

    public static (IReadOnlyList<Judgement> Judgements, IReadOnlyList<CsvProblem> Problems) Read(byte[] bytes, Rulebook rulebook)
    {
        var problems = new List<CsvProblem>();
        if (!CsvText.TryDecode(bytes, out var text, out var badByteAt))
        {
            var (line, column) = CsvText.Position(bytes, badByteAt);
            return ([], [new CsvProblem(line, column, "the file is not UTF-8 text; save it as UTF-8")]);
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            return ([], [new CsvProblem(1, 1, "the file is empty: expected a header row such as case_id,revision,case_type,P2.1.E,...")]);
        }

        var header = CsvText.Fields(lines[0], 1, problems);
        var columns = Columns(header, rulebook, problems);
        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var judgements = new List<Judgement>();
        var seen = new Dictionary<string, (int Line, Judgement Judgement)>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            if (lines[i].Length == 0)
            {
                problems.Add(new CsvProblem(lineNumber, 1, "blank line: every row after the header is one case"));
                continue;
            }

            var fields = CsvText.Fields(lines[i], lineNumber, problems);
            if (fields.Count != header.Count)
            {
                problems.Add(new CsvProblem(lineNumber, Math.Min(fields.Count, header.Count) + 1,
                    $"{fields.Count} columns where the header has {header.Count}"));
                continue;
            }

            if (Row(fields, columns, rulebook, lineNumber, problems) is not { } judgement)
            {
                continue;
            }

            if (seen.TryGetValue(judgement.CaseId, out var first))
            {
                if (!first.Judgement.Equals(judgement))
                {
                    problems.Add(new CsvProblem(lineNumber, columns.CaseId + 1,
                        $"case '{judgement.CaseId}' appears again with other content (first at line {first.Line}); keep one row per case"));
                }

                continue;
            }

            seen.Add(judgement.CaseId, (lineNumber, judgement));
            judgements.Add(judgement);
        }

        if (problems.Count == 0 && judgements.Count == 0)
        {
            problems.Add(new CsvProblem(2, 1, "the file has a header but no cases"));
        }

        return problems.Count > 0 ? ([], problems) : (judgements, problems);
    }

    private sealed record ColumnMap(int CaseId, int Revision, int CaseType, IReadOnlyList<(int Index, string Name)> Traits, IReadOnlyList<(int Index, string KeyQuestion)> Answers);

    private static ColumnMap Columns(List<string> header, Rulebook rulebook, List<CsvProblem> problems)
    {
        var keyQuestions = rulebook.Standards.SelectMany(s => s.KeyQuestions).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        int caseId = -1, revision = -1, caseType = -1;
        var traits = new List<(int, string)>();
        var answers = new List<(int, string)>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Trim();
            if (!names.TryAdd(name, c))
            {
                problems.Add(new CsvProblem(1, c + 1, $"column '{name}' appears twice (first in column {names[name] + 1})"));
                continue;
            }

            switch (name)
            {
                case CaseIdColumn:
                    caseId = c;
                    break;
                case RevisionColumn:
                    revision = c;
                    break;
                case CaseTypeColumn:
                    caseType = c;
                    break;
                default:
                    if (name.StartsWith(TraitPrefix, StringComparison.Ordinal) && name.Length > TraitPrefix.Length)
                    {
                        traits.Add((c, name[TraitPrefix.Length..]));
                    }
                    else if (keyQuestions.Contains(name))
                    {
                        answers.Add((c, name));
                    }
                    else
                    {
                        problems.Add(new CsvProblem(1, c + 1,
                            $"'{name}' is not a key question of {rulebook.Ref.Id} v{rulebook.Ref.Version}, nor case_id, revision, case_type or trait:NAME"));
                    }

                    break;
            }
        }

        foreach (var (column, index) in new[] { (CaseIdColumn, caseId), (RevisionColumn, revision), (CaseTypeColumn, caseType) })
        {
            if (index < 0)
            {
                problems.Add(new CsvProblem(1, header.Count + 1, $"the header has no '{column}' column"));
            }
        }

        return new ColumnMap(caseId, revision, caseType, traits, answers);
    }

    private static Judgement? Row(List<string> fields, ColumnMap columns, Rulebook rulebook, int line, List<CsvProblem> problems)
    {
        var before = problems.Count;
        var caseId = fields[columns.CaseId].Trim();
        if (caseId.Length == 0)
        {
            problems.Add(new CsvProblem(line, columns.CaseId + 1, "case_id is empty"));
        }

        if (!long.TryParse(fields[columns.Revision].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision) || revision < 1)
        {
            problems.Add(new CsvProblem(line, columns.Revision + 1, $"revision '{fields[columns.Revision]}' is not a whole number of at least 1"));
        }

        var caseType = fields[columns.CaseType].Trim();
        if (!rulebook.CaseTypes.Contains(caseType))
        {
            problems.Add(new CsvProblem(line, columns.CaseType + 1, $"case_type '{caseType}' is not one of {string.Join(", ", rulebook.CaseTypes)}"));
        }

        var judgement = new Judgement { CaseId = caseId, Revision = revision, CaseType = caseType };
        foreach (var (index, name) in columns.Traits)
        {
            if (fields[index].Trim() is { Length: > 0 } value)
            {
                judgement.Traits.Add(new Trait { Name = name, Value = value });
            }
        }

        foreach (var (index, keyQuestion) in columns.Answers)
        {
            switch (fields[index].Trim().ToUpperInvariant())
            {
                case "":
                    break;
                case "YES" or "Y":
                    judgement.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = keyQuestion, Answer = Answer.Yes });
                    break;
                case "NO" or "N":
                    judgement.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = keyQuestion, Answer = Answer.No });
                    break;
                case "N/A" or "NA":
                    judgement.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = keyQuestion, Answer = Answer.NotApplicable });
                    break;
                default:
                    problems.Add(new CsvProblem(line, index + 1, $"'{fields[index]}' is not an answer to {keyQuestion}: use yes, no or n/a (blank: not answered)"));
                    break;
            }
        }

        return problems.Count > before ? null : judgement;
    }
}
