using System.ComponentModel.DataAnnotations;

namespace RatingGrid.Host.Configuration;

/// <summary>
/// How an inspection's changes reach the nation after the loss of the host it lived on (section
/// <c>Publication</c>). With Orleans' membership settings these bound how long the nation can stay
/// behind after a host is lost (docs/operations.md, "Losing a host").
/// </summary>
public sealed class PublicationSettings
{
    public const string Section = "Publication";

    /// <summary>
    /// How often an inspection with a change the nation has not confirmed is woken, by its durable
    /// reminder, to publish again: after a host is lost, the longest an untouched inspection waits to
    /// be published from another host once the loss is known. Shorter costs a reminder tick per such
    /// inspection per period, and a reminder kept only until the inspection has been quiet that long.
    /// </summary>
    [Range(1, 600)]
    public int PendingCheckSeconds { get; set; } = 2;

    /// <summary>How long an inspection waits for the nation to take a change before it publishes again (publishing again is harmless).</summary>
    [Range(1, 60)]
    public int CallTimeoutSeconds { get; set; } = 3;
}
