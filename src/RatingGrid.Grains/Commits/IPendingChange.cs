namespace RatingGrid.Grains.Commits;

/// <summary>A change applied in memory, waiting for the write that will hold it.</summary>
internal interface IPendingChange
{
    /// <summary>Completes once the change is acknowledged or has failed.</summary>
    Task Finished { get; }

    bool IsFinished { get; }

    /// <summary>Applies the change again after a reload; a change that is now refused fails alone.</summary>
    void Reapply();

    void Acknowledge();

    void Fail(Exception error);
}
