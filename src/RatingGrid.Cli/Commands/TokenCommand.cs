using System.CommandLine;
using RatingGrid.Security;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid token</c>: a development token signed with the local key (scripts/dev-key.sh).</summary>
internal static class TokenCommand
{
    public const string KeyFileVariable = "RATINGGRID_DEV_KEY_FILE";
    private const string DefaultKeyFile = ".data/dev-signing-key";

    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var keyFile = new Option<string>("--key-file")
        {
            Description = $"The development signing key (default: ${KeyFileVariable}, else {DefaultKeyFile})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(KeyFileVariable) ?? DefaultKeyFile,
        };
        var subject = new Option<string>("--subject")
        {
            Description = "Who the token speaks for: the actor recorded for every change made with it (default: $USER)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user : "developer",
        };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"A scope to grant; repeat for several (default: all: {string.Join(", ", Scopes.All)})",
            DefaultValueFactory = _ => [.. Scopes.All],
            AllowMultipleArgumentsPerToken = true,
        };
        scopes.AcceptOnlyFromAmong([.. Scopes.All]);
        var regions = new Option<string[]>("--region")
        {
            Description = $"A region the token may read and write; repeat for several (default: {TokenClaims.AllRegions}, every region)",
            DefaultValueFactory = _ => [TokenClaims.AllRegions],
        };
        var hours = new Option<int>("--hours") { Description = "Hours until it expires (default 8)", DefaultValueFactory = _ => 8 };
        var audience = new Option<string>("--audience") { Description = "The audience the service expects (default ratinggrid)", DefaultValueFactory = _ => DevelopmentTokens.DefaultAudience };

        var command = new Command("token", "Print a development token signed with the local key; the service accepts it only when started with that key (scripts/run.sh)")
        {
            keyFile, subject, scopes, regions, hours, audience,
        };
        command.SetAction(async parse =>
        {
            if (parse.GetValue(hours) is < 1 or > 24 * 30)
            {
                await error.WriteLineAsync("--hours must be between 1 and 720.");
                return ExitCodes.Usage;
            }

            byte[] key;
            try
            {
                key = DevelopmentKey.Read(parse.GetValue(keyFile)!);
            }
            catch (DevelopmentKeyException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return ExitCodes.Usage;
            }

            var request = new TokenRequest(parse.GetValue(subject)!, parse.GetValue(scopes)!, parse.GetValue(regions)!, TimeSpan.FromHours(parse.GetValue(hours)))
            {
                Audience = parse.GetValue(audience)!,
            };
            await output.WriteLineAsync(DevelopmentTokens.Mint(key, request, time.GetUtcNow()));
            return ExitCodes.Ok;
        });
        return command;
    }
}
