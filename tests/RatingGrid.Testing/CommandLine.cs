using RatingGrid.Cli;

namespace RatingGrid.Testing;

/// <summary>
/// Runs the command line in process against a server, capturing what it prints; with a token
/// granting everything unless the arguments give one.
/// </summary>
public static class CommandLine
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string server, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] token = args.Contains("--token") ? [] : ["--token", TestTokens.Everything("cli-tester")];
        var exit = await CliApp.RunAsync([.. args, "--server", server, .. token], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
