using Xunit;

namespace RatingGrid.Testing;

/// <summary>One in-memory Azurite for the whole test assembly (an assembly fixture).</summary>
public sealed class Azurite : IAsyncLifetime
{
    public AzuriteProcess Process { get; } = new();

    public async ValueTask InitializeAsync() => await Process.StartAsync();

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    public static implicit operator AzuriteProcess(Azurite azurite) => azurite.Process;
}
