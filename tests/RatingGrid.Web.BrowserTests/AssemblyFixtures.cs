// One in-memory Azurite for the whole assembly; every host uses its own service id and container.
[assembly: AssemblyFixture(typeof(RatingGrid.Testing.Azurite))]
