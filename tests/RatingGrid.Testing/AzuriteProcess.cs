using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RatingGrid.Testing;

/// <summary>
/// A real Azurite (the Azure Storage emulator), in memory or (given a folder) on disk, on ports the OS
/// picks. It is the project's pinned npm package, installed by scripts/install-node-tools.sh. One on
/// disk can be stopped (SIGKILL, as an outage) and started again on the same ports with its data.
/// </summary>
public sealed partial class AzuriteProcess(string? location = null) : IAsyncDisposable
{
    // Azurite's fixed development account: a well-known emulator key, not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    /// <summary>CPU time Azurite has used so far, to show where a benchmark's time went.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process?.Refresh();
            return _process?.TotalProcessorTime ?? TimeSpan.Zero;
        }
    }

    public int BlobPort { get; private set; }

    public int TablePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            // A fresh clone: install the pinned tools as scripts/test.sh would, so a benchmark runs from one command.
            using var install = Process.Start("bash", [Path.Combine(RepositoryRoot(), "scripts", "install-node-tools.sh")]);
            await install.WaitForExitAsync();
            if (install.ExitCode != 0 || !File.Exists(script))
            {
                throw new InvalidOperationException($"Azurite is not installed at {script} and scripts/install-node-tools.sh could not install it (exit {install.ExitCode}).");
            }
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var ports = BlobPort == 0 ? ("0", "0") : (BlobPort.ToString(CultureInfo.InvariantCulture), TablePort.ToString(CultureInfo.InvariantCulture));
        (BlobPort, TablePort) = (0, 0);
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        string[] arguments = [script, "--blobHost", "127.0.0.1", "--blobPort", ports.Item1, "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", ports.Item2, .. persistence, "--disableTelemetry", "--silent"];
        // RATINGGRID_AZURITE_DEBUG=<file>: Azurite logs every request it serves there (to count what a run costs).
        if (Environment.GetEnvironmentVariable("RATINGGRID_AZURITE_DEBUG") is { Length: > 0 } debugLog)
        {
            arguments = [.. arguments, "--debug", debugLog];
        }

        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (BlobPort == 0 || TablePort == 0)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"Azurite exited (code {(_process.HasExited ? _process.ExitCode : -1)}) before listening.");
            if (Listening().Match(line) is { Success: true } match)
            {
                var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                switch (match.Groups["service"].Value)
                {
                    case "Blob":
                        BlobPort = port;
                        break;
                    case "Table":
                        TablePort = port;
                        break;
                }
            }
        }

        // Keep draining stdout so that Azurite never blocks on a full pipe.
        _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
    }

    /// <summary>
    /// Stops Azurite with SIGTERM, as an operator or orchestrator stops a service: it closes its
    /// stores (Azurite saves its disk database only now and then, so a SIGKILL would lose what a real
    /// storage service never loses) and stops answering. <see cref="StartAsync"/> brings it back on the same ports.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var signal = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await signal.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(patience.Token);
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
        return ValueTask.CompletedTask;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RatingGrid.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RatingGrid.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
