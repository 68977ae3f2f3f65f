using Grpc.Core;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Testing;

/// <summary>Registers regions and PDUs through the public rpcs (an administrator's token), as a client must before opening inspections of them.</summary>
public static class Registrations
{
    /// <summary>An id for a PDU of <paramref name="region"/> (its letters and digits, '-' for the rest), for tests that need one PDU per region.</summary>
    public static string PduIn(string region) => "pdu-" + new string([.. region.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    /// <summary>Registers <paramref name="region"/> and each PDU in it (named "PDU {id}"); registering again changes nothing.</summary>
    public static async Task RegisterAsync(this ChannelBase channel, string region, params string[] pduIds)
    {
        var registry = new RegistryService.RegistryServiceClient(channel);
        await registry.AddRegionAsync(new AddRegionRequest { Region = region });
        foreach (var pdu in pduIds)
        {
            await registry.AddPduAsync(new AddPduRequest { PduId = pdu, Name = $"PDU {pdu}", Region = region });
        }
    }
}
