using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

[Collection(nameof(SharedHost))]
public sealed class MetricsTests(HostFixture host)
{
    [Fact]
    public async Task The_metrics_endpoint_serves_the_named_metrics_after_some_traffic()
    {
        var cancel = TestContext.Current.CancellationToken;
        var id = Requests.NewId("metrics");
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: cancel);
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1), Requests.Judgement("c2", 1)), cancellationToken: cancel);
        using (var watch = host.Inspections.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: cancel))
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel));
        }

        using var http = new HttpClient();
        var metrics = await RatingGrid.Testing.Eventually.Until(
            () => http.GetStringAsync(new Uri($"http://127.0.0.1:{host.HealthPort}/metrics"), cancel),
            text => text.Contains("ratinggrid_aggregation_lag", StringComparison.Ordinal),
            cancel);

        foreach (var name in new[]
                 {
                     "ratinggrid_judgements_applied_total", "ratinggrid_batch_size", "ratinggrid_group_commit_size",
                     "ratinggrid_storage_writes_total", "ratinggrid_storage_write_latency", "ratinggrid_watchers", "ratinggrid_aggregation_lag",
                 })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }
    }
}
