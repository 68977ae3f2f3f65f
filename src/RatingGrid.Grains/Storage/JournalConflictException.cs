namespace RatingGrid.Grains.Storage;

/// <summary>
/// Another writer appended to the journal (or began a segment) since this one read it: nothing of
/// this write was kept. The writer must read again and re-apply, never overwrite.
/// </summary>
public sealed class JournalConflictException : Exception
{
    public JournalConflictException() { }

    public JournalConflictException(string message) : base(message) { }

    public JournalConflictException(string message, Exception innerException) : base(message, innerException) { }
}
