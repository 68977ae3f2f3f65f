using System.CommandLine;
using RatingGrid.Client.Display;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary>
/// The options every reporting command shares: the current picture as of a day (<c>--as-of</c>,
/// default today) or a period (<c>--from</c>/<c>--to</c>, on publication or fieldwork dates), and the
/// filters that apply to the figures (<c>--rating</c>, <c>--rulebook</c>).
/// </summary>
internal sealed class ReportOptions
{
    private readonly Option<DateOnly?> _asOf = new("--as-of") { Description = "The current picture on this day (yyyy-mm-dd; default today): each PDU by its newest inspection by then" };
    private readonly Option<DateOnly?> _from = new("--from") { Description = "A period's first day (yyyy-mm-dd), with --to: every inspection in it" };
    private readonly Option<DateOnly?> _to = new("--to") { Description = "A period's last day (yyyy-mm-dd), with --from" };
    private readonly Option<string> _basis = new("--basis") { Description = "Which date places an inspection in a period: publication or fieldwork (its last day)", DefaultValueFactory = _ => "publication" };
    private readonly Option<string?> _rating = new("--rating") { Description = "Only inspections with this overall rating: outstanding, good, requires-improvement or inadequate" };
    private readonly Option<string?> _rulebook = new("--rulebook") { Description = "Only inspections under this rulebook id" };

    public ReportOptions()
    {
        _basis.AcceptOnlyFromAmong("publication", "fieldwork");
        _rating.AcceptOnlyFromAmong("outstanding", "good", "requires-improvement", "inadequate");
    }

    /// <summary>Adds the options to <paramref name="command"/>, with the checks a person gets before any call.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _asOf, _from, _to, _basis, _rating, _rulebook })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var (asOf, from, to) = (result.GetValue(_asOf), result.GetValue(_from), result.GetValue(_to));
            if (from.HasValue != to.HasValue)
            {
                result.AddError("A period needs both --from and --to.");
            }
            else if (from > to)
            {
                result.AddError($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.");
            }
            else if (asOf.HasValue && from.HasValue)
            {
                result.AddError("Give either --as-of (the current picture on a day) or --from/--to (a period), not both.");
            }
        });
    }

    /// <summary>Whether the command line asked for a report rather than the live figures.</summary>
    public bool Asked(ParseResult parse) =>
        parse.GetValue(_asOf).HasValue || parse.GetValue(_from).HasValue || parse.GetValue(_rating) is not null || parse.GetValue(_rulebook) is not null;

    public ReportRequest Request(ParseResult parse, string region, bool includeInspections)
    {
        var request = new ReportRequest
        {
            Region = region,
            RulebookId = parse.GetValue(_rulebook) ?? "",
            IncludeInspections = includeInspections,
            Overall = parse.GetValue(_rating) switch
            {
                "outstanding" => Rating.Outstanding,
                "good" => Rating.Good,
                "requires-improvement" => Rating.RequiresImprovement,
                "inadequate" => Rating.Inadequate,
                _ => Rating.Unspecified,
            },
        };
        if (parse.GetValue(_from) is { } from && parse.GetValue(_to) is { } to)
        {
            request.Period = new ReportPeriod
            {
                Basis = parse.GetValue(_basis) == "fieldwork" ? PeriodBasis.Fieldwork : PeriodBasis.Publication,
                From = from.ToDate(),
                To = to.ToDate(),
            };
        }
        else if (parse.GetValue(_asOf) is { } asOf)
        {
            request.AsOf = asOf.ToDate();
        }

        return request;
    }
}
