using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Testing;

/// <summary>
/// A host as an operator runs it: its own process, started from the built host assembly beside the
/// test, on Azurite, with its output kept (<see cref="Output"/>) and, with
/// <c>RATINGGRID_HOST_LOGS=folder</c>, written to a file there too.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ProcessStartInfo _start;
    private readonly string _logName;
    private readonly int _healthPort;
    private readonly ConcurrentQueue<string> _output;

    private HostProcess(ProcessStartInfo start, string logName, int grpcPort, int healthPort, int webPort)
    {
        (_start, _logName) = (start, logName);
        (_process, _output) = Launch(start, logName);
        WebAddress = $"http://127.0.0.1:{webPort}";
        _healthPort = healthPort;
        Channel = TestTokens.Channel($"http://127.0.0.1:{grpcPort}", TestTokens.Everything());
        Address = $"http://127.0.0.1:{grpcPort}";
        (GrpcPort, HealthPort) = (grpcPort, healthPort);
    }

    public int GrpcPort { get; }

    public int HealthPort { get; }

    public GrpcChannel Channel { get; }

    public string Address { get; }

    /// <summary>Where browsers call gRPC-Web and load the dashboard.</summary>
    public string WebAddress { get; }

    /// <summary>Every line the process has written so far, standard output and error interleaved.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    public InspectionService.InspectionServiceClient Client() => new(Channel);

    /// <summary>
    /// Starts a host in <paramref name="cluster"/> (its service id and container too). Test hosts log
    /// warnings and worse only, unless <paramref name="productionLogging"/> keeps the levels the host ships with.
    /// </summary>
    public static HostProcess Start(AzuriteProcess azurite, string cluster, string clustering = "AzureTable", bool productionLogging = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var local = LocalHostSettings.Create(azurite);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RatingGrid.Host.dll"));
        foreach (var (key, value) in local.Values)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        if (productionLogging)
        {
            start.Environment.Remove("Logging__LogLevel__Default");
        }

        // These tests load one host from one subject on purpose; its abuse limits are not under test here.
        start.Environment["Limits__RequestsPerSecondPerClient"] = "1000000";
        start.Environment["Limits__RequestBurstPerClient"] = "1000000";
        start.Environment["Silo__Clustering"] = clustering;
        start.Environment["Silo__ClusterId"] = cluster;
        start.Environment["Silo__ServiceId"] = cluster;
        start.Environment["Storage__Container"] = TestClusters.ContainerFor(cluster);
        // Each line timed, so that a host's log shows when it noticed what (membership, the nation, its copy).
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new HostProcess(start, $"{cluster}-{local.GrpcPort}", local.GrpcPort, local.HealthPort, int.Parse(local.Values["Service:WebPort"]!, CultureInfo.InvariantCulture));
    }

    /// <summary>Starts the same host again, on the same ports, storage and cluster, as an orchestrator restarts a pod in place (this one must have exited).</summary>
    public HostProcess StartAgain() =>
        HasExited ? new HostProcess(_start, $"{_logName}-again-{Environment.TickCount64}", GrpcPort, HealthPort, int.Parse(WebAddress[(WebAddress.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))
        : throw new InvalidOperationException("The host is still running: stop or kill it first.");

    private static (Process Process, ConcurrentQueue<string> Output) Launch(ProcessStartInfo start, string logName)
    {
        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        var logs = Environment.GetEnvironmentVariable("RATINGGRID_HOST_LOGS") is { Length: > 0 } folder
            ? TextWriter.Synchronized(new StreamWriter(Path.Combine(Directory.CreateDirectory(folder).FullName, $"{logName}.log")) { AutoFlush = true })
            : TextWriter.Null;
        void Keep(string? line)
        {
            if (line is not null)
            {
                output.Enqueue(line);
                logs.WriteLine(line);
            }
        }

        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    public async Task WaitUntilReadyAsync(CancellationToken cancel)
    {
        var ready = await Eventually.AnswersOkAsync(new Uri($"http://127.0.0.1:{_healthPort}/health/ready"), () => _process.HasExited, cancel);
        if (!ready)
        {
            throw new InvalidOperationException($"The host on health port {_healthPort} did not become ready (exited: {_process.HasExited}):{Environment.NewLine}{string.Join(Environment.NewLine, Output.TakeLast(40))}");
        }
    }

    /// <summary>The process's resident memory, in bytes.</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>SIGTERM, as an orchestrator stops a pod.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();

    public Task WaitForExitAsync(CancellationToken cancel) => _process.WaitForExitAsync(cancel);

    /// <summary>SIGKILL: no shutdown, no goodbye.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
