using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RatingGrid.Host.Configuration;

/// <summary>
/// Validates a settings section by its data annotations, naming each setting as it is written in
/// configuration (<c>Section:Key</c>), so that a mistake is reported where it was made.
/// </summary>
internal sealed class SettingsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public IReadOnlyList<string> Failures(T options)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? []
            : [.. results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")];
    }
}
