namespace RatingGrid.Host.Health;

/// <summary>Which health checks answer which question.</summary>
internal static class HealthTags
{
    /// <summary>May this host take calls: its silo has started, its copy of the figures has loaded, and shutdown has not begun.</summary>
    public const string Ready = "ready";

    /// <summary>Does storage answer.</summary>
    public const string Storage = "storage";
}
