using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace RatingGrid.Testing;

/// <summary>
/// The web app (src/RatingGrid.Web) as an operator runs it: its own process, started from its build
/// output (where its static assets are), on a free loopback port, calling the service at the given
/// gRPC address. Output is kept (<see cref="Output"/>) for a failing test to show.
/// </summary>
public sealed class WebProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WebProcess(Process process, int port)
    {
        (_process, Address) = (process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where browsers load its pages.</summary>
    public string Address { get; }

    public IReadOnlyList<string> Output => [.. _output];

    public int ProcessId => _process.Id;

    /// <summary>The build output the tests run from (Release in CI, as the test run builds it).</summary>
    public static string Assembly =>
        Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "RatingGrid.Web", "bin",
#if DEBUG
            "Debug",
#else
            "Release",
#endif
            "net10.0", "RatingGrid.Web.dll");

    /// <summary>
    /// Starts the web app with <paramref name="settings"/> (keys as in configuration, "Web:Port") and
    /// waits until it answers; from its build output, or from <paramref name="assembly"/> (a publish).
    /// </summary>
    public static async Task<WebProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancel, string? assembly = null)
    {
        assembly ??= Assembly;
        var port = LocalHostSettings.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        start.Environment["Web__Port"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__RatingGrid"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var web = new WebProcess(Process.Start(start)!, port);
        var ready = await Eventually.AnswersOkAsync(new Uri($"{web.Address}/health/ready"), () => web._process.HasExited, cancel);
        if (!ready)
        {
            var output = string.Join(Environment.NewLine, web.Output.TakeLast(40));
            web.Dispose();
            throw new InvalidOperationException($"The web app did not start ({assembly}):{Environment.NewLine}{output}");
        }

        return web;
    }

    /// <summary>The process's resident memory, in bytes (what the benchmark divides among open pages).</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
