using RatingGrid.Host.Configuration;
using RatingGrid.Host.Hosting;

try
{
    var app = RatingGridApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (SettingsError.Describe(ex) is { } problem)
{
    // A mistake in the settings is the operator's to fix, not a crash: one line, exit code 2.
    await Console.Error.WriteLineAsync($"ratinggrid: settings: {problem}");
    return 2;
}
