using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RatingGrid.Domain.Benchmarks;

// Run in Release: dotnet run -c Release --project benchmarks/RatingGrid.Domain.Benchmarks
// In-process, so the benchmark builds under this repository's strict settings with no generated project.
var config = DefaultConfig.Instance.AddJob(Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(5)
    .WithIterationCount(20));
var summary = BenchmarkRunner.Run<ApplyJudgementBenchmark>(config, args);

// The target is a ratio within one run: cost at the largest ledger over cost at the smallest.
var means = summary.Reports
    .Where(r => r.ResultStatistics is not null)
    .ToDictionary(r => (int)r.BenchmarkCase.Parameters["Cases"], r => r.ResultStatistics!.Mean);
if (means.TryGetValue(10, out var small) && means.TryGetValue(100_000, out var large))
{
    Console.WriteLine($"cost ratio 100,000 cases / 10 cases: {large / small:F2} (target <= 1.5)");
    Console.WriteLine($"judgements per second at 100,000 cases, one core: {1e9 / large:N0} (target >= 1,000,000)");
}
