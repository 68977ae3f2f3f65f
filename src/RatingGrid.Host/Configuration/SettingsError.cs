using Microsoft.Extensions.Options;

namespace RatingGrid.Host.Configuration;

/// <summary>What a settings mistake says, on one line; null for any other failure (a real crash).</summary>
public static class SettingsError
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => string.Join("; ", invalid.Failures),
        AggregateException { InnerExceptions: var inner } when inner.All(e => Describe(e) is not null) => string.Join("; ", inner.Select(Describe)),
        // The configuration binder's words for a misspelt key or a value of the wrong type.
        InvalidOperationException { Message: var message } when message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
            => message.ReplaceLineEndings(" ") + (exception.InnerException is { } cause ? " " + cause.Message.ReplaceLineEndings(" ") : ""),
        _ => null,
    };
}
