using Microsoft.Extensions.Configuration;
using RatingGrid.Contracts.V1;
using RatingGrid.Host.Hosting;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Cluster;

public sealed class ClusteringTests(Azurite azurite)
{
    [Fact]
    public async Task A_host_with_azure_table_clustering_on_azurite_joins_its_cluster_and_serves()
    {
        var local = LocalHostSettings.Create(azurite);
        var settings = new Dictionary<string, string?>(local.Values) { ["Silo:Clustering"] = "AzureTable", ["Silo:ClusterId"] = $"c-{Guid.NewGuid():N}" };
        await using var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var channel = TestTokens.Channel($"http://127.0.0.1:{local.GrpcPort}", TestTokens.Everything());
        var client = new InspectionService.InspectionServiceClient(channel);

        var id = Requests.NewId("clustered");
        await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: TestContext.Current.CancellationToken);
        var ack = await client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ChangeOutcome.Applied, Assert.Single(ack.Outcomes));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
