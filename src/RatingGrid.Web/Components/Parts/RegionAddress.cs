namespace RatingGrid.Web.Components.Parts;

/// <summary>A region page's address: region names hold spaces and may hold other characters a path must escape.</summary>
public static class RegionAddress
{
    public static string Of(string region) => $"regions/{Uri.EscapeDataString(region)}";
}
