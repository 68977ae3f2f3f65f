// One in-memory Azurite for the whole assembly; every host uses its own service id and container,
// every test its own inspection ids. Tests that stop storage start an Azurite of their own.
[assembly: AssemblyFixture(typeof(RatingGrid.Testing.Azurite))]
