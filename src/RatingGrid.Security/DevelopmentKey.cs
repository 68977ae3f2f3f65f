using System.Security.Cryptography;

namespace RatingGrid.Security;

/// <summary>The development signing key: 32 or more random bytes, base64 in a file readable by its owner only.</summary>
public static class DevelopmentKey
{
    public const int MinimumBytes = 32;

    /// <summary>Reads a key file, explaining exactly what is wrong with a bad one.</summary>
    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DevelopmentKeyException($"The development key file '{path}' does not exist; scripts/dev-key.sh creates one.");
        }

        return Parse(File.ReadAllText(path), $"the development key file '{path}'");
    }

    /// <summary>A key from its base64 text; <paramref name="source"/> names where it came from in errors.</summary>
    public static byte[] Parse(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new DevelopmentKeyException($"{source} is not base64 text.");
        }

        return key.Length >= MinimumBytes
            ? key
            : throw new DevelopmentKeyException($"{source} holds {key.Length} bytes; a development key needs at least {MinimumBytes}.");
    }

    /// <summary>Writes a new random key (owner read/write only), unless the file already exists.</summary>
    public static void CreateIfMissing(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes)));
    }
}
