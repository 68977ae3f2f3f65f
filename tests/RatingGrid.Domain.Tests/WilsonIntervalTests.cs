using RatingGrid.Domain.Statistics;

namespace RatingGrid.Domain.Tests;

public sealed class WilsonIntervalTests
{
    // Newcombe R. G. (1998), "Two-sided confidence intervals for the single proportion: comparison of
    // seven methods", Statistics in Medicine 17(8), 857-872, Table II, method 3 (Wilson score
    // interval without continuity correction), 95%, to four decimal places.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_the_published_reference_values(int yes, int applicable, double lower, double upper)
    {
        var interval = WilsonInterval.Of(yes, applicable)!.Value;

        Assert.Equal(lower, Math.Round(interval.LowerPercent / 100, 4));
        Assert.Equal(upper, Math.Round(interval.UpperPercent / 100, 4));
    }

    [Fact]
    public void No_applicable_case_has_no_interval() => Assert.Null(WilsonInterval.Of(0, 0));

    [Fact]
    public void Every_interval_holds_its_percentage_stays_within_0_and_100_mirrors_and_narrows_with_more_cases()
    {
        for (var applicable = 1; applicable <= 120; applicable++)
        {
            for (var yes = 0; yes <= applicable; yes++)
            {
                var interval = WilsonInterval.Of(yes, applicable)!.Value;
                var percent = 100.0 * yes / applicable;
                var context = $"{yes}/{applicable}: [{interval.LowerPercent}, {interval.UpperPercent}]";
                Assert.True(interval.LowerPercent >= 0 && interval.UpperPercent <= 100, context);
                Assert.True(interval.LowerPercent <= percent + 1e-9 && percent <= interval.UpperPercent + 1e-9, context);
                Assert.True(interval.UpperPercent - interval.LowerPercent > 0, context);

                var mirror = WilsonInterval.Of(applicable - yes, applicable)!.Value;
                Assert.Equal(100 - interval.UpperPercent, mirror.LowerPercent, 9);
                Assert.Equal(100 - interval.LowerPercent, mirror.UpperPercent, 9);

                var doubled = WilsonInterval.Of(2 * yes, 2 * applicable)!.Value;
                Assert.True(doubled.UpperPercent - doubled.LowerPercent < interval.UpperPercent - interval.LowerPercent, context);
            }
        }
    }
}
