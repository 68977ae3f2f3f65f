using RatingGrid.Contracts.V1;
using RatingGrid.Client.Display;
using RatingGrid.Client.Requests;
using Spectre.Console;

namespace RatingGrid.Cli.Output;

/// <summary>Renders figures as the inspectorate's report prints them.</summary>
internal static class Tables
{
    public static void Inspection(IAnsiConsole console, Inspection inspection)
    {
        console.WriteLine($"{inspection.PduName} ({inspection.Region}) - inspection {inspection.InspectionId}, version {inspection.Version}, {inspection.Status.Name().ToLowerInvariant()}");
        var table = new Table().AddColumns("Standard", "Key question", "Yes / applicable", "%", "Rating");
        var keyQuestions = inspection.Results.KeyQuestions.ToLookup(k => k.StandardId);
        foreach (var standard in inspection.Results.Standards)
        {
            var rating = standard.Rating.Name() + (standard.Provisional ? " (provisional)" : "");
            var figures = keyQuestions[standard.StandardId].ToList();
            if (figures.Count == 0)
            {
                table.AddRow(Markup.Escape($"{standard.StandardId} {standard.Name}"), "judged", "", "", Markup.Escape(rating));
                continue;
            }

            for (var i = 0; i < figures.Count; i++)
            {
                var k = figures[i];
                table.AddRow(
                    i == 0 ? Markup.Escape($"{standard.StandardId} {standard.Name}") : "",
                    k.KeyQuestionId,
                    $"{k.Yes} / {k.Applicable}",
                    k.HasRoundedPercent ? $"{k.RoundedPercent}%" : "-",
                    i == 0 ? Markup.Escape(rating) : "");
            }
        }

        console.Write(table);
        var overall = inspection.Results.Overall;
        console.WriteLine(overall.Provisional
            ? $"Score so far {overall.Score} / {overall.MaxScore}; provisional: reachable {overall.LowestReachableScore}-{overall.HighestReachableScore}, possible overall ratings: {string.Join(", ", overall.PossibleRatings.Select(r => r.Name()))}"
            : $"Score {overall.Score} / {overall.MaxScore}; overall rating: {overall.Rating.Name()}");
    }

    public static void Report(IAnsiConsole console, Report report)
    {
        var what = report.Period is { } p
            ? $"inspections with {(p.Basis == PeriodBasis.Fieldwork ? "fieldwork ending" : "publication")} from {p.From.Show()} to {p.To.Show()}"
            : $"current picture as of {report.AsOf.Show()}";
        console.WriteLine($"{report.Scope} - {what}, {(report.IncludesUnpublished ? "including unpublished work" : "published inspections only")} (version {report.Version})");
        if (report.Rulebooks.Count == 0)
        {
            console.WriteLine("No inspection counts.");
        }

        Rulebooks(console, report.Rulebooks);
    }

    /// <summary>The nation's overview: what it counts, then each region's totals beside its registered PDUs.</summary>
    public static void Overview(IAnsiConsole console, NationOverview overview)
    {
        var nation = overview.Nation;
        var counted = overview.Regions.Sum(r => r.Counted);
        var noun = ReportChoice.Noun(nation, counted);
        console.WriteLine($"{ReportChoice.Describe(nation)}: {counted} {noun} in {overview.Regions.Count(r => r.Counted > 0)} of {overview.Regions.Count} regions; " +
            $"{overview.Regions.Sum(r => r.Registered)} PDUs registered, {overview.Regions.Sum(r => r.NotInspected)} not inspected{(nation.Period is null ? " yet" : " in the period")}.");
        var table = new Table().AddColumns("Region", Capital(ReportChoice.Noun(nation, 2)), "Outstanding", "Good", "Requires improvement", "Inadequate", Names.NotYetRated, "Registered PDUs", "Not inspected");
        foreach (var region in overview.Regions)
        {
            var o = region.Overall ?? new RatingCounts();
            table.AddRow(Markup.Escape(region.Region), N(region.Counted), N(o.Outstanding), N(o.Good), N(o.RequiresImprovement), N(o.Inadequate), N(o.Unrated), N(region.Registered), N(region.NotInspected));
        }

        var total = overview.Regions.Select(r => r.Overall ?? new RatingCounts()).ToList();
        table.AddRow("England and Wales", N(counted), N(total.Sum(o => o.Outstanding)), N(total.Sum(o => o.Good)), N(total.Sum(o => o.RequiresImprovement)), N(total.Sum(o => o.Inadequate)),
            N(total.Sum(o => o.Unrated)), N(overview.Regions.Sum(r => r.Registered)), N(overview.Regions.Sum(r => r.NotInspected)));
        console.Write(table);
    }

    public static void Pdus(IAnsiConsole console, Report report)
    {
        var table = new Table().AddColumns("PDU", "Name", "Region", "Inspection", "Fieldwork end", "Status", "Overall");
        foreach (var i in report.Inspections.OrderBy(i => i.Region, StringComparer.Ordinal).ThenBy(i => i.PduName, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(i.PduId), Markup.Escape(i.PduName), Markup.Escape(i.Region), Markup.Escape(i.InspectionId),
                i.FieldworkEnd is { } end ? end.Show() : "-", i.Status.Name(), i.Overall.Name());
        }

        console.Write(table);
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Capital(string noun) => noun.Length == 0 ? noun : char.ToUpperInvariant(noun[0]) + noun[1..];

    private static void Rulebooks(IAnsiConsole console, IEnumerable<RulebookFigures> rulebooks)
    {
        foreach (var rulebook in rulebooks)
        {
            console.WriteLine($"{rulebook.Rulebook.Id} v{rulebook.Rulebook.Version}: {rulebook.Inspections} inspections, {rulebook.Cases} cases");
            var table = new Table().AddColumns("Key question", "Yes / applicable", "%", "95% interval");
            foreach (var k in rulebook.KeyQuestions)
            {
                table.AddRow(k.KeyQuestionId, $"{k.Yes} / {k.Applicable}", k.HasRoundedPercent ? $"{k.RoundedPercent}%" : "-",
                    k.Interval95 is { } interval ? $"{interval.LowerPercent:N0}-{interval.UpperPercent:N0}%" : "-");
            }

            console.Write(table);
            var o = rulebook.Overall;
            console.WriteLine($"Inspections by overall rating: outstanding {o.Outstanding}, good {o.Good}, requires improvement {o.RequiresImprovement}, inadequate {o.Inadequate}, provisional {o.Unrated}");
            if (rulebook.Current is { } current)
            {
                var p = current.Overall;
                console.WriteLine($"PDUs, each by its newest inspection ({current.Pdus}): outstanding {p.Outstanding}, good {p.Good}, requires improvement {p.RequiresImprovement}, inadequate {p.Inadequate}, provisional {p.Unrated}");
            }
        }
    }
}
