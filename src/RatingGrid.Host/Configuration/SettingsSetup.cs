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
        builder.Bind<AuthSettings>(AuthSettings.Section));

    private static T Bind<T>(this WebApplicationBuilder builder, string section)
        where T : class, new()
    {
        var validator = new SettingsValidator<T>(section);
        builder.Services.AddSingleton<IValidateOptions<T>>(validator);
        builder.Services.AddOptions<T>()
            .BindConfiguration(section, o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();

        // A misspelt key throws here (InvalidOperationException naming it), rather than being ignored.
        var settings = builder.Configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        return validator.Failures(settings) is { Count: > 0 } failures
            ? throw new OptionsValidationException(section, typeof(T), failures)
            : settings;
    }
}
