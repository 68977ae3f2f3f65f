using System.Text.RegularExpressions;
using RatingGrid.Testing;

namespace RatingGrid.Cli.Tests;

/// <summary>What an operator reads: the host's own output, at the log levels it ships with, for a routine day.</summary>
public sealed partial class HostOutputTests(Azurite azurite)
{
    [Fact]
    public async Task A_start_the_demo_and_a_sigterm_log_no_failures_no_stack_traces_and_no_routine_chatter()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var host = HostProcess.Start(azurite.Process, $"quiet-{Guid.NewGuid():N}", clustering: "Localhost", productionLogging: true);
        await host.WaitUntilReadyAsync(cancel);

        var (exit, output, error) = await CommandLine.RunAsync(host.Address, "demo");
        Assert.True(exit == 0, error);
        Assert.Contains("Score 5 / 21", output, StringComparison.Ordinal);
        host.Terminate();
        await host.WaitForExitAsync(cancel);

        var lines = host.Output;
        Assert.Contains(lines, l => l.Contains("RatingGrid is serving gRPC", StringComparison.Ordinal)); // it does say what matters
        Assert.Equal(0, host.ExitCode);
        Assert.DoesNotContain(lines, l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => StackFrame().IsMatch(l));
        Assert.DoesNotContain(lines, l => l.StartsWith("info: Polly", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("warn:", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s+at \S+\(")]
    private static partial Regex StackFrame();
}
