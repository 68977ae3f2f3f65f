namespace RatingGrid.Host.Tests;

/// <summary>Tests that start host processes of their own, run after the others and one at a time.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
