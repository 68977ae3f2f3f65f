using RatingGrid.Client.Requests;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Client.Tests;

/// <summary>A report asked for in words (a page's address, a command line): the request it becomes, or what is wrong with the words.</summary>
public sealed class ReportChoiceTests
{
    [Theory]
    [InlineData(ReportChoice.Publication, PeriodBasis.Publication)]
    [InlineData(ReportChoice.Fieldwork, PeriodBasis.Fieldwork)]
    [InlineData(null, PeriodBasis.Publication)]
    public void A_period_is_counted_on_the_basis_named_or_publication_by_default(string? basis, PeriodBasis expected)
    {
        var (request, error) = new ReportChoice(From: "2025-01-01", To: "2025-12-31", Basis: basis).ToRequest();

        Assert.Null(error);
        Assert.Equal(expected, request!.Period.Basis);
    }

    [Theory]
    [InlineData("2025-01-01", "2025-12-31")]
    [InlineData(null, null)]
    public void A_basis_that_is_neither_is_refused_with_the_two_there_are(string? from, string? to)
    {
        var (request, error) = new ReportChoice(From: from, To: to, Basis: "weird").ToRequest();

        Assert.Null(request);
        Assert.Equal("'weird' is not a basis for a period; give publication or fieldwork.", error);
    }

    [Theory]
    [InlineData("2025-01-01", null)]
    [InlineData(null, "2025-12-31")]
    [InlineData("", "2025-12-31")]
    public void A_period_missing_a_day_is_refused_asking_for_both(string? from, string? to)
    {
        var (request, error) = new ReportChoice(From: from, To: to).ToRequest();

        Assert.Null(request);
        Assert.Equal("A period needs both its first and its last day, as YYYY-MM-DD.", error);
    }

    [Theory]
    [InlineData("2025-13-01", "2025-12-31", "'2025-13-01' is not a date; give the period's first day as YYYY-MM-DD.")]
    [InlineData("2025-01-01", "31/12/2025", "'31/12/2025' is not a date; give the period's last day as YYYY-MM-DD.")]
    public void A_period_day_that_is_not_a_date_is_named(string from, string to, string expected)
    {
        var (request, error) = new ReportChoice(From: from, To: to).ToRequest();

        Assert.Null(request);
        Assert.Equal(expected, error);
    }
}
