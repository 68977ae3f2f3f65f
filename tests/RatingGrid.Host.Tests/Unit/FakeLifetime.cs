using Microsoft.Extensions.Hosting;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>A host lifetime that is never stopping, for services called outside a host.</summary>
internal sealed class FakeLifetime : IHostApplicationLifetime
{
    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => CancellationToken.None;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication()
    {
    }
}
