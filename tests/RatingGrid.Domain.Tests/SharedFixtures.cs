using System.Text.Json;

namespace RatingGrid.Domain.Tests;

/// <summary>Reads fixtures from the <c>shared/</c> folder that sits beside the repository.</summary>
internal static class SharedFixtures
{
    public static JsonDocument Load(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "fixtures", name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared fixture {name} not found at {Path.GetFullPath(path)}: shared/ must sit beside the repository.", path);
        }

        return JsonDocument.Parse(File.ReadAllText(path));
    }

    /// <summary>A reference data file of <c>shared/data/</c>.</summary>
    public static JsonDocument Data(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "data", name);
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path))
            : throw new FileNotFoundException($"Shared data {name} not found at {Path.GetFullPath(path)}: shared/ must sit beside the repository.", path);
    }

    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string RepositoryFile(string path) => File.ReadAllText(Path.Combine(RepositoryRoot(), path));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RatingGrid.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RatingGrid.sln above {AppContext.BaseDirectory}.");
    }
}
