namespace RatingGrid.Grains.Tests;

/// <summary>Tests that observe process-wide signals (meters) and so must not share the process with others.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
