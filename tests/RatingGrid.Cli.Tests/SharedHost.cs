using RatingGrid.Testing;

namespace RatingGrid.Cli.Tests;

/// <summary>One real host for the command line's test classes (each test uses fresh inspection ids).</summary>
[CollectionDefinition(nameof(SharedHost))]
public sealed class SharedHost : ICollectionFixture<HostFixture>;
