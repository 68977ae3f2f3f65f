// An MSBuild task (compiled by RoslynCodeTaskFactory for src/RatingGrid.Web): GOV.UK Frontend's
// styles cut to the components the web app uses, and without the GDS Transport font.
//
// Why: the full stylesheet is 133 KiB of rules for about 40 components; the pages use a dozen. Every
// first load parses all of it and every page's style resolution walks it, which is a measurable
// share of the time to the first paint on the small machines the dashboard is opened on. The font
// is licensed for GOV.UK domains only, so text falls back to Arial as the Design System says.
//
// What is kept: every rule whose govuk- classes all belong to a component (the class's block, the
// part before "__" or "--") named somewhere in the web app's pages, components, code or scripts, and
// exactly the "govuk-!-" override classes named there; rules without govuk- classes (the element
// styles and custom properties) stay whole. A class composed at run time from pieces would not be
// seen: the web app writes its classes out whole.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class TrimGovukStyles : Task
{
    [Required] public string Source { get; set; } = "";
    [Required] public string Destination { get; set; } = "";
    [Required] public ITaskItem[] UsedIn { get; set; } = Array.Empty<ITaskItem>();

    private static readonly Regex Named = new Regex(@"govuk-[A-Za-z0-9!_-]+", RegexOptions.Compiled);
    private static readonly Regex Classes = new Regex(@"\.((?:\\.|[A-Za-z0-9_-])+)", RegexOptions.Compiled);
    private static readonly Regex Comments = new Regex(@"/\*.*?\*/", RegexOptions.Compiled | RegexOptions.Singleline);

    private HashSet<string> used = new HashSet<string>(StringComparer.Ordinal);

    public override bool Execute()
    {
        foreach (var file in UsedIn)
        {
            foreach (Match name in Named.Matches(File.ReadAllText(file.ItemSpec)))
            {
                used.Add(Block(name.Value));
            }
        }

        var css = Comments.Replace(File.ReadAllText(Source), "").Trim();
        var trimmed = Rules(css);
        Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
        if (!File.Exists(Destination) || File.ReadAllText(Destination) != trimmed)
        {
            File.WriteAllText(Destination, trimmed);
        }

        Log.LogMessage(MessageImportance.Low, $"GOV.UK Frontend styles: {css.Length:N0} -> {trimmed.Length:N0} characters for {used.Count} components");
        return !Log.HasLoggedErrors;
    }

    // "govuk-table__cell--numeric" belongs to "govuk-table"; an override class stands for itself.
    private static string Block(string name) =>
        name.StartsWith("govuk-!-", StringComparison.Ordinal)
            ? name
            : name.Split(new[] { "__", "--" }, StringSplitOptions.None)[0].TrimEnd('-');

    private string Rules(string css)
    {
        var kept = new StringBuilder();
        var i = 0;
        while (i < css.Length)
        {
            if (char.IsWhiteSpace(css[i]))
            {
                i++;
                continue;
            }

            var open = Next(css, i, '{');
            var end = Next(css, i, ';');
            if (css[i] == '@' && end >= 0 && (open < 0 || end < open))
            {
                kept.Append(css, i, end + 1 - i); // @charset and the like
                i = end + 1;
                continue;
            }

            if (open < 0)
            {
                break;
            }

            var close = Closing(css, open);
            var head = css.Substring(i, open - i);
            var body = css.Substring(open + 1, close - open - 1);
            if (head.StartsWith("@media", StringComparison.Ordinal) || head.StartsWith("@supports", StringComparison.Ordinal) || head.StartsWith("@-moz-document", StringComparison.Ordinal))
            {
                var inner = Rules(body);
                if (inner.Length > 0)
                {
                    kept.Append(head).Append('{').Append(inner).Append('}');
                }
            }
            else if (head.StartsWith("@font-face", StringComparison.Ordinal))
            {
                // The font is not ours to use: Arial instead.
            }
            else if (head.StartsWith("@", StringComparison.Ordinal))
            {
                kept.Append(css, i, close + 1 - i);
            }
            else
            {
                var selectors = Split(head).Where(Wanted).ToList();
                if (selectors.Count > 0)
                {
                    kept.Append(string.Join(",", selectors)).Append('{').Append(body).Append('}');
                }
            }

            i = close + 1;
        }

        return kept.ToString();
    }

    private bool Wanted(string selector) =>
        Classes.Matches(selector).Cast<Match>()
            .Select(c => c.Groups[1].Value.Replace("\\", ""))
            .Where(c => c.StartsWith("govuk-", StringComparison.Ordinal))
            .All(c => used.Contains(Block(c)));

    // A selector list split at its top-level commas (not those inside :not(...) or :is(...)).
    private static IEnumerable<string> Split(string selectors)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selectors.Length; i++)
        {
            switch (selectors[i])
            {
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0:
                    yield return selectors.Substring(start, i - start);
                    start = i + 1;
                    break;
            }
        }

        yield return selectors.Substring(start);
    }

    // The next 'wanted' outside quoted strings, or -1.
    private static int Next(string css, int from, char wanted)
    {
        for (var i = from; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '"' || c == '\'')
            {
                i = css.IndexOf(c, i + 1);
                if (i < 0)
                {
                    return -1;
                }
            }
            else if (c == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    // The brace closing the block opened at 'open', counting nested blocks and skipping strings.
    private static int Closing(string css, int open)
    {
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '"' || c == '\'')
            {
                i = css.IndexOf(c, i + 1);
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"unclosed block at {open} in GOV.UK Frontend's styles");
    }
}
