namespace RatingGrid.Domain.Registry;

/// <summary>What an audited change to the registry did.</summary>
public enum RegistryChangeKind
{
    RegionAdded = 0,
    PduAdded = 1,
    PduRenamed = 2,
}
