using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Cli.Commands;

namespace RatingGrid.Cli;

/// <summary>The <c>ratinggrid</c> command line: a gRPC client of the service like any other.</summary>
internal static class CliApp
{
    public const string ServerVariable = "RATINGGRID_SERVER";
    private const string DefaultServer = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        var server = new Option<string>("--server")
        {
            Description = $"The RatingGrid gRPC address (default: ${ServerVariable}, else {DefaultServer})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerVariable) ?? DefaultServer,
            Recursive = true,
        };
        var token = new Option<string?>("--token")
        {
            Description = $"The bearer token to call with (default: ${ServerTarget.TokenVariable}; 'ratinggrid token' mints a development one)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerTarget.TokenVariable),
            Recursive = true,
        };
        var target = new ServerOptions(server, token);
        var root = new RootCommand("ratinggrid: rate HM Inspectorate of Probation inspections from case evidence")
        {
            server,
            token,
            ShowCommand.Create(target, output, error),
            WatchCommand.Create(target, output, error),
            OpenCommand.Create(target, output, error),
            ImportCommand.Create(target, output, error),
            RegionCommand.Create(target, output, error),
            NationalCommand.Create(target, output, error),
            PdusCommand.Create(target, output, error),
            RegistryCommand.Create(target, output, error),
            ExportCommand.Create(target, output, error),
            DemoCommand.Create(target, output, error, time),
            BenchCommand.Create(target, output, error, time),
            TokenCommand.Create(output, error, time),
        };
        foreach (var step in LifecycleCommands.Create(target, output, error))
        {
            root.Subcommands.Add(step);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'ratinggrid --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Runs one command's calls on a channel, turning failures into the documented exit codes.</summary>
    internal static async Task<int> Call(ServerTarget target, TextWriter error, Func<GrpcChannel, Task<int>> action)
    {
        var server = target.Address;
        try
        {
            using var channel = target.OpenChannel();
            return await action(channel);
        }
        // A status the client made up (it has the local exception behind it) means the server was never reached.
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && ex.Status.DebugException is not null)
        {
            await error.WriteLineAsync($"Cannot reach RatingGrid at {server}: {ex.Status.Detail}. Is it running (scripts/run.sh)? Set --server or ${ServerVariable}.");
            return ExitCodes.Unreachable;
        }
        catch (RpcException ex)
        {
            await error.WriteLineAsync($"RatingGrid refused the request ({ex.StatusCode}): {ex.Status.Detail}");
            return ExitCodes.Refused;
        }
        catch (UriFormatException ex)
        {
            await error.WriteLineAsync($"'{server}' is not a server address: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}
