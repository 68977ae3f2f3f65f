using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Services;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>The rulebook service called directly.</summary>
public sealed class RulebookServiceTests
{
    private readonly RulebookGrpcService _service = new(RulebookCatalog.BuiltIn, Options.Create(new LimitSettings()));

    [Fact]
    public async Task Version_zero_means_the_newest_and_the_rulebook_is_described_whole()
    {
        var rulebook = await _service.GetRulebook(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } }, TestServerCallContext.Create());

        Assert.Equal(RulebookCatalog.BuiltIn.Find("hmip-pdu-2023", 0)!.Version, rulebook.Ref.Version);
        Assert.Equal(21, rulebook.MaxScore);
        Assert.Equal([80, 65, 50, 0], rulebook.CaseBands.Select(b => b.FromPercent));
        Assert.Equal(Contracts.V1.BandingBasis.RoundedWholePercent, rulebook.BandingBasis);
    }

    [Fact]
    public async Task An_unknown_rulebook_is_not_found_and_the_message_lists_the_known_ones()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => _service.GetRulebook(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "nonesuch" } }, TestServerCallContext.Create()));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Contains("hmip-pdu-2023", refused.Status.Detail, StringComparison.Ordinal);
    }
}
