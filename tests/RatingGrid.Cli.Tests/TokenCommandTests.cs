using RatingGrid.Testing;

namespace RatingGrid.Cli.Tests;

/// <summary><c>ratinggrid token</c> mints what the host accepts, granting no more than asked.</summary>
[Collection(nameof(SharedHost))]
public sealed class TokenCommandTests(HostFixture host)
{
    private string Server => $"http://127.0.0.1:{host.GrpcPort}";

    private static async Task<string> MintAsync(params string[] args)
    {
        var (exit, output, error) = await CommandLine.RunAsync("http://unused", ["token", "--key-file", TestTokens.KeyFile, .. args]);
        Assert.True(exit == 0, error);
        return output.Trim();
    }

    [Fact]
    public async Task A_minted_token_is_accepted_names_its_subject_and_grants_only_its_scopes()
    {
        var id = $"cli-token-{Guid.NewGuid():N}";
        await host.Channel.RegisterAsync("North East", "p1");
        var admin = await MintAsync("--subject", "dana", "--scope", "ratinggrid.admin", "--scope", "ratinggrid.write", "--scope", "ratinggrid.read");
        var reader = await MintAsync("--subject", "erin", "--scope", "ratinggrid.read", "--scope", "ratinggrid.unpublished", "--region", "North East");

        var opened = await CommandLine.RunAsync(Server, "open", id, "--pdu", "p1", "--name", "A PDU", "--region", "North East", "--start", "2025-06-02", "--end", "2025-06-27", "--token", admin);
        var shown = await CommandLine.RunAsync(Server, "show", id, "--token", reader);
        var denied = await CommandLine.RunAsync(Server, "open", id + "-2", "--pdu", "p1", "--name", "A PDU", "--region", "North East", "--start", "2025-06-02", "--end", "2025-06-27", "--token", reader);

        Assert.True(opened.Exit == ExitCodes.Ok, opened.Err);
        Assert.True(shown.Exit == ExitCodes.Ok, shown.Err);
        Assert.Equal(ExitCodes.Refused, denied.Exit);
        Assert.Contains("PermissionDenied", denied.Err, StringComparison.Ordinal);
        Assert.Contains("ratinggrid.admin", denied.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_cli_says_how_to_get_one()
    {
        var (exit, _, error) = await CommandLine.RunAsync(Server, "national", "--token", "");

        Assert.Equal(ExitCodes.Refused, exit);
        Assert.Contains("Unauthenticated", error, StringComparison.Ordinal);
        Assert.Contains("ratinggrid token", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_file_is_a_usage_error_naming_the_script_that_makes_one()
    {
        var (exit, output, error) = await CommandLine.RunAsync("http://unused", "token", "--key-file", "/nonexistent/key");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("scripts/dev-key.sh", error, StringComparison.Ordinal);
    }
}
