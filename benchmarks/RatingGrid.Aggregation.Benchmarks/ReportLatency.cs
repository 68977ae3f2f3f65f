using System.Diagnostics;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Aggregation.Benchmarks;

/// <summary>
/// Report latency through the public rpcs, as a dashboard or a reporting job sees it: the same
/// question asked again (answered once per version, then from the aggregate's cache) and a
/// different question every call (a different as-of day or period each time: built afresh).
/// </summary>
internal static class ReportLatency
{
    private const int Calls = 1_000;

    public static async Task<string> MeasureAsync(AggregationService.AggregationServiceClient client, string region)
    {
        var lines = new List<string>();
        foreach (var (name, build) in new (string, Func<int, ReportRequest>)[]
        {
            ("nation, current picture", _ => new ReportRequest()),
            ("nation, current picture as of a different day each call", i => new ReportRequest { AsOf = Day(i) }),
            ("nation, a different 12-month fieldwork period each call", i => new ReportRequest { Period = Period(i) }),
            ("region, current picture", _ => new ReportRequest { Region = region }),
            ("region, current picture as of a different day each call", i => new ReportRequest { Region = region, AsOf = Day(i) }),
            ("region, a different 12-month fieldwork period each call", i => new ReportRequest { Region = region, Period = Period(i) }),
        })
        {
            var latencies = new List<double>(Calls);
            for (var i = 0; i < Calls + 50; i++)
            {
                var request = build(i);
                var started = Stopwatch.GetTimestamp();
                _ = request.Region.Length > 0 ? await client.GetRegionReportAsync(request) : await client.GetNationReportAsync(request);
                if (i >= 50) // the first calls warm up
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            lines.Add($"  {name,-66} p50 {Percentiles.Of(latencies, 50),6:N2} ms  p99 {Percentiles.Of(latencies, 99),6:N2} ms");
        }

        return string.Join(Environment.NewLine, lines);
    }

    // Days across the 25 years the inspections' fieldwork spans, so that each call counts a different set.
    private static Date Day(int i)
    {
        var day = new DateOnly(2000, 1, 1).AddDays(i * 9);
        return new Date { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    // A year from a different day each call, as an annual report would ask.
    private static ReportPeriod Period(int i)
    {
        var from = Day(i);
        var to = new DateOnly(from.Year, from.Month, from.Day).AddYears(1).AddDays(-1);
        return new() { Basis = PeriodBasis.Fieldwork, From = from, To = new Date { Year = to.Year, Month = to.Month, Day = to.Day } };
    }
}
