// One in-memory Azurite for the whole assembly; every test uses its own service id or inspection ids.
[assembly: AssemblyFixture(typeof(RatingGrid.Testing.Azurite))]
