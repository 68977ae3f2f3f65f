using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Mapping;

namespace RatingGrid.Host.Services;

/// <summary>Lists and describes the rulebooks inspections may be opened with.</summary>
internal sealed class RulebookGrpcService(RulebookCatalog rulebooks, IOptions<LimitSettings> limits) : RulebookService.RulebookServiceBase
{
    public override Task<ListRulebooksResponse> ListRulebooks(ListRulebooksRequest request, ServerCallContext context) =>
        Task.FromResult(new ListRulebooksResponse { Rulebooks = { rulebooks.All.Select(r => r.ToWire()) } });

    public override Task<Contracts.V1.Rulebook> GetRulebook(GetRulebookRequest request, ServerCallContext context)
    {
        var reference = request.Rulebook ?? new RulebookRef();
        new RequestChecks(limits.Value).Id("rulebook.id", reference.Id).That(reference.Version >= 0, "rulebook.version", "must not be negative").ThrowIfAny();
        var match = rulebooks.Find(reference.Id, reference.Version);
        return match is null
            ? throw new RpcException(new Status(StatusCode.NotFound,
                $"No rulebook {reference.Id}{(reference.Version == 0 ? "" : $" v{reference.Version}")}; known: {rulebooks.Known}."))
            : Task.FromResult(match.ToWire());
    }
}
