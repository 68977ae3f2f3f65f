using Microsoft.Extensions.Logging.Abstractions;
using RatingGrid.Host.Health;
using RatingGrid.Host.Hosting;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>For services called outside a host: a departure that never begins.</summary>
internal static class StayingHost
{
    public static HostDeparture Departure() => new(_ => Task.CompletedTask, new ServiceReadiness(), TimeProvider.System, NullLogger<HostDeparture>.Instance);
}
