using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Reporting;
using RatingGrid.Host.Mapping;
using RatingGrid.Domain.Registry;

namespace RatingGrid.Host.Services;

/// <summary>A report request checked and read as the Domain's query.</summary>
internal static class ReportRequests
{
    /// <summary>The query, or INVALID_ARGUMENT naming every field at fault; <paramref name="today"/> stands in for an absent as_of.</summary>
    public static ReportQuery ToQuery(this ReportRequest request, RequestChecks checks, bool forRegion, DateOnly today)
    {
        checks.Name("region", request.Region, required: forRegion).Id("rulebook_id", request.RulebookId, required: false)
            .That(Enum.IsDefined(request.Overall), "overall", $"{(int)request.Overall} is not a rating")
            .That(request.AsOf is null || request.Period is null, "as_of", "cannot be given with period: a report is either the current picture on a day or a period")
            .Date("as_of", request.AsOf, required: false);
        if (request.Period is { } period)
        {
            checks.That(period.Basis != Contracts.V1.PeriodBasis.Unspecified, "period.basis", "is required: PERIOD_BASIS_PUBLICATION or PERIOD_BASIS_FIELDWORK")
                .That(Enum.IsDefined(period.Basis), "period.basis", $"{(int)period.Basis} is not a basis")
                .Date("period.from", period.From).Date("period.to", period.To);
        }

        checks.ThrowIfAny();
        var reportPeriod = request.Period is { } p ? new Domain.Reporting.ReportPeriod(p.Basis.ToDomain(), p.From.ToDomain(), p.To.ToDomain()) : null;
        checks.That(reportPeriod is null || reportPeriod.To >= reportPeriod.From, "period.to", $"{reportPeriod?.To:yyyy-MM-dd} is before period.from, {reportPeriod?.From:yyyy-MM-dd}")
            .ThrowIfAny();
        // A region's own report is about the region already: the filter narrows only the nation's.
        return new ReportQuery(
            request.AsOf?.ToDomain() ?? today,
            reportPeriod,
            new StandingFilter(forRegion ? null : PduRegistry.BuiltIn.CanonicalRegion(request.Region).OrNull(), request.RulebookId.OrNull(), request.Overall.ToDomain()));
    }
}
