using Microsoft.Extensions.Options;
using RatingGrid.Web.Hosting;

try
{
    var app = WebApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A settings mistake: one line per setting, naming it, and exit code 2 (as the host does).
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"ratinggrid-web: settings: {failure}");
    }

    return 2;
}

/// <summary>The entry point (its type anchors the router's assembly).</summary>
public partial class Program;
