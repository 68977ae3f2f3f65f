using Microsoft.Extensions.Options;

namespace RatingGrid.Host.Configuration;

/// <summary>
/// Binds each settings section to its options class (validated when the host starts), and reads them
/// once now for what must be decided while the host is built (ports, clustering, storage, tokens).
/// Both go through the same <see cref="SettingsValidator{T}"/>, so a mistake reads the same either way.
/// </summary>
internal static class SettingsSetup
{
    public static HostSettings AddRatingGridSettings(this WebApplicationBuilder builder) => new(
        builder.Bind<ServiceSettings>(ServiceSettings.Section),
        builder.Bind<LimitSettings>(LimitSettings.Section),
        builder.Bind<SiloSettings>(SiloSettings.Section),
        builder.Bind<StorageSettings>(StorageSettings.Section),
        builder.Bind<AuthSettings>(AuthSettings.Section),
        builder.Bind<PublicationSettings>(PublicationSettings.Section));

    private static T Bind<T>(this WebApplicationBuilder builder, string section)
        where T : class, new()
    {
        var validator = new SettingsValidator<T>(section);
        builder.Services.AddSingleton<IValidateOptions<T>>(validator);
        builder.Services.AddOptions<T>()
            .BindConfiguration(section, o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();

        // A misspelt key is refused here, named as it was written, rather than ignored.
        var given = builder.Configuration.GetSection(section);
        var known = typeof(T).GetProperties().Select(p => p.Name).ToList();
        if (given.GetChildren().Where(c => !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)).Select(c => c.Key).ToList() is { Count: > 0 } unknown)
        {
            throw new OptionsValidationException(section, typeof(T),
                [.. unknown.Select(key => $"{section}:{key} is not a setting; {section} has {string.Join(", ", known)}")]);
        }

        var settings = given.Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        return validator.Failures(settings) is { Count: > 0 } failures
            ? throw new OptionsValidationException(section, typeof(T), failures)
            : settings;
    }
}
