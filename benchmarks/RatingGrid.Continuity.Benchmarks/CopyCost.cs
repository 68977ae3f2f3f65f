using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Registry;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Aggregates;
using RatingGrid.Host.Hosting;
using RatingGrid.Testing;

namespace RatingGrid.Continuity.Benchmarks;

/// <summary>
/// What each host's copy of the figures costs, on one host in process (memory storage): inspections
/// of every registered PDU, 40 full cases each, written through gRPC; their standings taken from the
/// nation as a host's copy takes them. Measures the bytes the nation sends a host per change (one
/// changed inspection alone, and in a full page), and the memory a fresh copy holds once it has taken
/// them all and answered each view's figures and report, per inspection and per aggregate view.
/// </summary>
internal static class CopyCost
{
    private const int CasesPerInspection = 40;

    public static async Task MeasureAsync(AzuriteProcess azurite, int inspectionsPerPdu = 3)
    {
        var local = LocalHostSettings.Create(azurite, "Memory");
        var settings = new Dictionary<string, string?>(local.Values) { ["Limits:RequestsPerSecondPerClient"] = "1000000", ["Limits:RequestBurstPerClient"] = "1000000" };
        await using var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        using var channel = TestTokens.Channel($"http://127.0.0.1:{local.GrpcPort}", TestTokens.Everything("benchmark"), new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        var count = await WriteAsync(new InspectionService.InspectionServiceClient(channel), inspectionsPerPdu);
        var pages = await TakeAllAsync(app.Services.GetRequiredService<IGrainFactory>().GetNation(), count);
        var serializer = app.Services.GetRequiredService<Serializer>();

        // Bytes from the nation to a host: one changed inspection alone, and one among a full page.
        var standings = pages.SelectMany(p => p.Standings).ToList();
        var alone = serializer.SerializeToArray(new StandingChanges(pages[0].Epoch, 1, false, [standings[0]])).Length;
        var encoded = pages.Select(serializer.SerializeToArray).ToList();
        var inPages = encoded.Sum(b => (long)b.Length) / (double)standings.Count;
        Console.WriteLine($"copies: {standings.Count:N0} standings of {count:N0} inspections ({CasesPerInspection} cases each), from the nation to each host: " +
            $"{alone:N0} bytes for one changed inspection alone, {inPages:N0} bytes each in pages of up to 512 (payload, Orleans' serializer)");

        // Memory a host's copy holds: taken from the bytes a host receives, then every view answered once.
        pages = [];
        standings = [];
        var before = Heap();
        var copy = new AggregateCopy(RulebookCatalog.BuiltIn, TimeProvider.System);
        foreach (var page in encoded)
        {
            copy.Take(serializer.Deserialize<StandingChanges>(page)!.Standings);
        }

        copy.CaughtUp();
        var views = AnswerEveryView(copy);
        encoded = [];
        var held = Heap() - before;
        GC.KeepAlive(copy);
        await app.StopAsync();
        Console.WriteLine($"copies: a host's copy of {count:N0} inspections holds {held / 1024.0 / 1024.0:N1} MiB: {held / (double)count / 1024.0:N1} KiB per inspection, " +
            $"{held / (double)views / 1024.0:N0} KiB per aggregate view ({views} views: the nation and {PduRegistry.BuiltIn.Regions.Count} regions, all work and published work)");
    }

    private static async Task<int> WriteAsync(InspectionService.InspectionServiceClient client, int perPdu)
    {
        var written = 0;
        foreach (var pdu in PduRegistry.BuiltIn.Pdus)
        {
            for (var year = 0; year < perPdu; year++)
            {
                var id = $"copy-{pdu.Id}-{year}";
                var open = LoadRequests.Open(Printed.Rulebook, id, pdu.Region, pdu.Id, 2023 + year);
                open.PduName = pdu.Name;
                await client.OpenInspectionAsync(open);
                await client.RecordJudgementsAsync(LoadRequests.Batch(Printed.Rulebook, id, 1, 0, CasesPerInspection));
                written++;
            }
        }

        return written;
    }

    // As a host's follower takes them: page after page from the start, until the nation has every inspection.
    private static async Task<List<StandingChanges>> TakeAllAsync(INationGrain nation, int inspections)
    {
        while (true)
        {
            var (pages, after, epoch) = (new List<StandingChanges>(), 0L, Guid.Empty);
            StandingChanges page;
            do
            {
                page = await nation.FollowAsync(epoch, after, TimeSpan.FromSeconds(1));
                (epoch, after) = (page.Epoch, page.UpTo);
                pages.Add(page);
            }
            while (page.More);

            if (pages.SelectMany(p => p.Standings).Select(s => s.InspectionId).Distinct().Count() >= inspections)
            {
                return pages;
            }

            await Task.Delay(100); // publication is behind the acknowledgements; polling pace
        }
    }

    private static int AnswerEveryView(AggregateCopy copy)
    {
        var keys = PduRegistry.BuiltIn.Regions.Select(AggregateKey.ForRegion).Prepend(AggregateKey.Nation).ToList();
        var query = new ReportQuery(DateOnly.FromDateTime(DateTime.UtcNow));
        foreach (var visibility in new[] { Visibility.Unpublished, Visibility.Published })
        {
            foreach (var key in keys)
            {
                _ = copy.Figures(key, visibility);
                _ = copy.Report(key, query, visibility);
            }
        }

        return keys.Count * 2;
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
