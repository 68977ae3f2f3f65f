using Microsoft.Extensions.DependencyInjection;
using Azure.Storage.Blobs;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Storage;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

public sealed class StateSizeTests(Azurite azurite, ITestOutputHelper output)
{
    private const int Cases = 5_000;
    private const int Revisions = 20;
    private const int BatchSize = 2_500;

    private static void GenerousBudget(ISiloBuilder silo) =>
        silo.Services.Configure<StorageOptions>(o => o.OperationTimeout = TimeSpan.FromSeconds(30));

    [Fact]
    public async Task An_inspection_of_5000_cases_with_20_revisions_each_persists_and_reloads()
    {
        var serviceId = Scenarios.NewId("size");
        var inspectionId = Scenarios.NewId("big");
        InspectionView written;
        // What is under test is size, not the storage budget (StorageFaultTests test that): appends of
        // 2,500 judgements and snapshots of 5,000 cases get time enough on a busy 2-core runner.
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId, configure: GenerousBudget))
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(inspectionId);
            await grain.OpenAsync(Scenarios.Details(), "lead");
            for (var revision = 1; revision <= Revisions; revision++)
            {
                for (var start = 0; start < Cases; start += BatchSize)
                {
                    var rev = revision;
                    await grain.RecordJudgementsAsync(Scenarios.Batch([.. Enumerable.Range(start, BatchSize).Select(c => Scenarios.Judgement($"case-{c:D5}", rev))]));
                }
            }

            written = await grain.GetAsync();
        }

        var blobs = new BlobServiceClient(azurite.Process.ConnectionString).GetBlobContainerClient(TestClusters.ContainerFor(serviceId))
            .GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, StorageKeys.Encode(inspectionId) + "/", TestContext.Current.CancellationToken).ToList();
        var bytes = blobs.Sum(b => b.Properties.ContentLength!.Value);
        output.WriteLine($"stored: {bytes:N0} bytes in {blobs.Count} blobs (journal segments and snapshots) for {Cases:N0} cases x {Revisions} revisions = {bytes / (double)Cases:N0} bytes per case, {bytes / (double)(Cases * Revisions):N1} per revision");

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId, configure: GenerousBudget);
        var grainAfter = restarted.Client.GetGrain<IInspectionGrain>(inspectionId);
        var reloaded = await grainAfter.GetAsync();
        Assert.Equal(Cases, reloaded.Results.Cases);
        Assert.Equal(written.Version, reloaded.Version);
        Assert.True(Scenarios.Same(written.Results, reloaded.Results));
        Assert.Equal(Revisions, (await grainAfter.GetCaseHistoryAsync("case-04999")).Count);
    }
}
