using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RatingGrid.Host.Configuration;

/// <summary>Reads a settings section and validates it at start-up, reporting every problem at once.</summary>
internal static class Settings
{
    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var settings = configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T),
                [.. results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")]);
        }

        return settings;
    }
}
