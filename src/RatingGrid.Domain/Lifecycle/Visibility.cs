namespace RatingGrid.Domain.Lifecycle;

/// <summary>
/// How much of the lifecycle a reader may see figures of. Ratings are sensitive until published: the
/// public sees published inspections only; those given embargoed copies (ministers, press) see those
/// too; inspection teams and rating panels see unpublished work as well.
/// </summary>
public enum Visibility
{
    /// <summary>Published inspections only.</summary>
    Published = 0,

    /// <summary>Published and embargoed inspections.</summary>
    Embargoed = 1,

    /// <summary>Every inspection, whatever its place in the lifecycle.</summary>
    Unpublished = 2,
}
