using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace RatingGrid.Host.Configuration;

/// <summary>
/// Validates a settings section by its data annotations, naming each setting as it is written in
/// configuration (<c>Section:Key</c>), with the value given and what is allowed, so that a mistake
/// is reported where it was made and can be put right from the message alone.
/// </summary>
internal sealed class SettingsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public IReadOnlyList<string> Failures(T options) =>
        [.. from property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let value = property.GetValue(options)
            from rule in property.GetCustomAttributes<ValidationAttribute>()
            where !rule.IsValid(value)
            select $"{section}:{property.Name} is {Shown(value)}; {Allowed(rule, property.Name)}"];

    private static string Shown(object? value) => value switch
    {
        null => "not set",
        string { Length: 0 } => "empty",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };

    private static string Allowed(ValidationAttribute rule, string name) => rule switch
    {
        RangeAttribute range => $"allowed: {range.Minimum} to {range.Maximum}",
        RequiredAttribute => "it is required",
        _ => rule.FormatErrorMessage(name),
    };
}
