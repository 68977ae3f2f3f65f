namespace RatingGrid.Grains.Storage;

/// <summary>Where an inspection's journal ends: the segment being appended to, its length in bytes, and its records.</summary>
public readonly record struct JournalPosition(int Segment, long Offset, int Records)
{
    public static JournalPosition Start { get; } = new(0, 0, 0);

    /// <summary>The first position of the segment after this one.</summary>
    public JournalPosition NextSegment() => new(Segment + 1, 0, 0);
}
