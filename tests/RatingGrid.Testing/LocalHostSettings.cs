using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RatingGrid.Testing;

/// <summary>Settings for a host on loopback with its own free ports and service id, storing in the given Azurite.</summary>
public sealed record LocalHostSettings(int GrpcPort, int HealthPort, IReadOnlyDictionary<string, string?> Values)
{
    public static LocalHostSettings Create(AzuriteProcess azurite, string storage = "AzureBlob")
    {
        var (grpcPort, healthPort) = (FreePort(), FreePort());
        var serviceId = $"local-{Guid.NewGuid():N}";
        return new LocalHostSettings(grpcPort, healthPort, new Dictionary<string, string?>
        {
            ["Service:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Service:HealthPort"] = healthPort.ToString(CultureInfo.InvariantCulture),
            ["Service:WebPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:ServiceId"] = serviceId,
            // Hosts may share one Azurite; blob names do not include the service id, so each gets its own container.
            ["Storage:Container"] = TestClusters.ContainerFor(serviceId),
            ["Storage:Provider"] = storage,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:DevelopmentKeyFile"] = TestTokens.KeyFile,
        });
    }

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port nobody is listening on right now (the OS picks it), never the same one twice in this
    /// process, since hosts started side by side bind theirs only later.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
