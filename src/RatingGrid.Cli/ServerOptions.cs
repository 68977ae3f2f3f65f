using System.CommandLine;

namespace RatingGrid.Cli;

/// <summary>The --server and --token options every command that calls the service shares.</summary>
internal sealed class ServerOptions(Option<string> server, Option<string?> token)
{
    public Option<string> Server => server;

    public Option<string?> Token => token;

    public ServerTarget From(ParseResult parse) => new(parse.GetValue(server)!, parse.GetValue(token));
}
