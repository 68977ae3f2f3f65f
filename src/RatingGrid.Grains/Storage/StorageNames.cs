namespace RatingGrid.Grains.Storage;

/// <summary>Names of the storage and directories RatingGrid's grains use.</summary>
public static class StorageNames
{
    /// <summary>
    /// The grain directory of regions and the nation. Orleans' default directory allows a second
    /// activation for a while after a silo is lost; for these few grains that would mean a copy that
    /// stops receiving publications and serves stale figures, so they use the directory that never does.
    /// </summary>
    public const string AggregateDirectory = "aggregates";

    /// <summary>The Orleans grain storage holding the registry's changes (a blob in <see cref="RegistryContainer"/>).</summary>
    public const string RegistryStorage = "registry";

    /// <summary>The blob container of the registry's changes, beside the journals' container.</summary>
    public static string RegistryContainer(string container)
    {
        var name = container + "-registry";
        return name[..Math.Min(63, name.Length)].TrimEnd('-');
    }

    /// <summary>The standings table of a container: its letters and digits (a table name holds no others), after "standings".</summary>
    public static string StandingsTable(string container)
    {
        var name = "standings" + new string([.. container.Where(char.IsAsciiLetterOrDigit)]);
        return name[..Math.Min(63, name.Length)];
    }
}
