using Google.Protobuf;
using Spectre.Console;

namespace RatingGrid.Cli.Output;

/// <summary>Prints a message as JSON for scripts, or as a table for people.</summary>
internal static class Printer
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void Print(TextWriter output, bool json, IMessage message, Action<IAnsiConsole> table)
    {
        if (json)
        {
            output.WriteLine(Json.Format(message));
        }
        else
        {
            table(Console(output));
        }
    }

    /// <summary>A plain console over <paramref name="output"/>: no colours or escape codes, so that output reads the same redirected.</summary>
    public static IAnsiConsole Console(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}
