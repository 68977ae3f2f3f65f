using RatingGrid.Client.Requests;

namespace RatingGrid.Web.Components.Parts;

/// <summary>A report choice as the query of a live part's address, in the same words as the page's own.</summary>
public static class LiveQuery
{
    public static string Of(ReportChoice choice)
    {
        var parts = new (string Name, string? Value)[] { ("as-of", choice.AsOf), ("from", choice.From), ("to", choice.To), ("basis", choice.IsPeriod ? choice.Basis : null) }
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}")
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
