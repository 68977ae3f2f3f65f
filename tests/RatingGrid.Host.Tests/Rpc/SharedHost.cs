using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// One real host for every rpc test class that needs nothing of its own from it (each test uses fresh
/// inspection ids and regions); classes that configure their host differently start their own.
/// </summary>
[CollectionDefinition(nameof(SharedHost))]
public sealed class SharedHost : ICollectionFixture<HostFixture>;
