using Google.Protobuf.WellKnownTypes;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Cluster;

// Alone: it runs whole host processes, and shares the 2 cores with nothing else.
[Collection(nameof(RunsAlone))]
public sealed class EmbargoRestartTests(Azurite azurite)
{
    [Fact]
    public async Task An_embargo_publishes_at_its_time_even_when_the_whole_cluster_was_killed_and_restarted_in_between()
    {
        var cancel = TestContext.Current.CancellationToken;
        var cluster = $"embargo-{Guid.NewGuid():N}";
        var id = $"{cluster}-1";
        DateTimeOffset publishAt;
        using (var host = HostProcess.Start(azurite, cluster, clustering: "Localhost"))
        {
            await host.WaitUntilReadyAsync(cancel);
            var client = host.Client();
            await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: cancel);
            await client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: cancel);
            publishAt = DateTimeOffset.UtcNow.AddSeconds(8);
            await client.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = id, PublishAt = Timestamp.FromDateTimeOffset(publishAt) }, cancellationToken: cancel);
            host.Kill();
        }

        // Nobody touches the inspection after the restart: only its reminder can publish it.
        using var restarted = HostProcess.Start(azurite, cluster, clustering: "Localhost");
        await restarted.WaitUntilReadyAsync(cancel);
        var published = await Rpc.LifecycleTests.WatchUntilAsync(restarted.Channel, id, InspectionStatus.Published, TimeSpan.FromSeconds(60));

        var step = published.Lifecycle[^1];
        Assert.Equal("ratinggrid (embargo ended)", step.Actor);
        Assert.True(step.At.ToDateTimeOffset() >= publishAt.AddMilliseconds(-1), $"published at {step.At}, before its time {publishAt:O}");
        TestContext.Current.SendDiagnosticMessage($"published {(step.At.ToDateTimeOffset() - publishAt).TotalSeconds:N1} s after its time, across a SIGKILL and a restart");
    }
}
