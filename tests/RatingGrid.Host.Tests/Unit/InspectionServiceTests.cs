using RatingGrid.Grains.Inspections;
using Microsoft.Extensions.Logging.Abstractions;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Services;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>The inspection service called directly: what it asks of the grain, and what it answers.</summary>
public sealed class InspectionServiceTests
{
    private readonly FakeGrainFactory _grains = new();
    private readonly InspectionGrpcService _service;

    public InspectionServiceTests()
    {
        _service = new InspectionGrpcService(_grains, RulebookCatalog.BuiltIn, Options.Create(new LimitSettings()), new RegionGuard(_grains), StayingHost.Departure(), TimeProvider.System, new LocalInspectionViews(), new Watches(StayingHost.Departure(), Options.Create(new LimitSettings()), NullLogger<Watches>.Instance));
    }

    private async Task<string> OpenedAsync(string region = "North East")
    {
        var id = Requests.NewId();
        var open = Requests.Open(id);
        (open.Region, open.PduId) = (region, Registrations.PduIn(region));
        _grains.Registry.Register(region, open.PduId);
        await _service.OpenInspection(open, TestServerCallContext.Create());
        return id;
    }

    [Fact]
    public async Task Opening_passes_the_details_and_the_tokens_subject_as_actor()
    {
        var request = Requests.Open(Requests.NewId());
        request.Rulebook = null;

        var opened = await _service.OpenInspection(request, TestServerCallContext.Create(Callers.Everything("lead-inspector")));

        var grain = _grains.Inspections[request.InspectionId];
        Assert.Equal("lead-inspector", grain.OpenedBy);
        Assert.Equal(request.InspectionId, opened.InspectionId);
        Assert.Equal((RulebookCatalog.DefaultKey.Id, RulebookCatalog.DefaultKey.Version), (opened.Rulebook.Id, opened.Rulebook.Version));
        Assert.Equal((2025, 6, 2), (opened.FieldworkStart.Year, opened.FieldworkStart.Month, opened.FieldworkStart.Day));
        Assert.Equal(Contracts.V1.InspectionStatus.Open, opened.Status);
    }

    [Fact]
    public async Task Recording_maps_every_judgement_and_answers_with_the_rated_summary()
    {
        var id = await OpenedAsync();
        var judgements = Enumerable.Range(0, 5).Select(i => Requests.Judgement($"c{i}", 1)).ToArray();

        var ack = await _service.RecordJudgements(Requests.Record(id, judgements), TestServerCallContext.Create(Callers.Everything("inspector-7")));

        var batch = Assert.Single(_grains.Inspections[id].Batches);
        Assert.Equal("inspector-7", batch.Actor);
        Assert.Equal(judgements.Select(j => (j.CaseId, j.Revision, j.CaseType, j.Answers.Count)), batch.Judgements.Select(j => (j.CaseId, j.Revision, j.CaseType, j.Answers.Count)));
        Assert.Equal(judgements[0].Traits[0].Value, batch.Judgements[0].Traits[0].Value);
        Assert.All(ack.Outcomes, o => Assert.Equal(ChangeOutcome.Applied, o));
        Assert.Equal(5, ack.Summary.Cases);
        Assert.Equal(Requests.FromScratch(judgements).Overall.Score, ack.Summary.Overall.Score);
    }

    [Fact]
    public async Task A_malformed_request_is_refused_before_the_grain_is_asked()
    {
        var id = await OpenedAsync();
        var calls = _grains.Inspections[id].Calls;

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => _service.RecordJudgements(
            new RecordJudgementsRequest { InspectionId = id, Judgements = { } }, TestServerCallContext.Create()));

        Assert.Equal("judgements", Assert.Single(refused.Violations).Field);
        Assert.Equal(calls, _grains.Inspections[id].Calls);
    }

    [Fact]
    public async Task A_judged_rating_must_be_set_to_be_recorded()
    {
        var id = await OpenedAsync();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => _service.SetJudgedRating(
            new SetJudgedRatingRequest { InspectionId = id, StandardId = "P1.1", Rationale = "why" }, TestServerCallContext.Create()));

        Assert.Equal("rating", Assert.Single(refused.Violations).Field);
        Assert.Empty(_grains.Inspections[id].JudgedRatings);
    }

    [Fact]
    public async Task A_judged_rating_reaches_the_grain_in_the_domains_terms()
    {
        var id = await OpenedAsync();

        var ack = await _service.SetJudgedRating(new SetJudgedRatingRequest { InspectionId = id, StandardId = "P1.1", Rating = Contracts.V1.Rating.Good, Rationale = "Clear vision." }, TestServerCallContext.Create());

        Assert.Equal(new JudgedRatingInput("P1.1", Domain.Rulebooks.Rating.Good, "Clear vision.", "tester"), Assert.Single(_grains.Inspections[id].JudgedRatings));
        Assert.Equal(Contracts.V1.Rating.Good, ack.Summary.Standards.Single(s => s.StandardId == "P1.1").Rating);
    }

    [Fact]
    public async Task Breakdowns_can_be_limited_to_one_dimension()
    {
        var id = await OpenedAsync();
        await _service.RecordJudgements(Requests.Record(id, [.. Enumerable.Range(0, 8).Select(i => Requests.Judgement($"c{i}", 1))]), TestServerCallContext.Create());

        var genders = await _service.GetBreakdowns(new GetBreakdownsRequest { InspectionId = id, Dimension = "gender" }, TestServerCallContext.Create());
        var all = await _service.GetBreakdowns(new GetBreakdownsRequest { InspectionId = id }, TestServerCallContext.Create());

        Assert.All(genders.Breakdowns_, b => Assert.Equal("gender", b.Dimension));
        Assert.Equal(8, genders.Breakdowns_.Sum(b => b.Cases));
        Assert.Contains(all.Breakdowns_, b => b.Dimension == "case_type");
    }

    [Fact]
    public async Task The_history_of_an_unknown_case_is_not_found()
    {
        var id = await OpenedAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => _service.GetCaseHistory(new GetCaseHistoryRequest { InspectionId = id, CaseId = "nobody" }, TestServerCallContext.Create()));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Contains("nobody", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_bound_caller_cannot_read_another_regions_inspection_whichever_rpc_it_calls()
    {
        var id = await OpenedAsync(region: "Wales");
        var access = new InspectionAccess(AccessRules.FromContract, new RegionGuard(_grains), new VisibilityGuard(_grains, new LocalInspectionViews()));
        const string get = "/ratinggrid.v1.InspectionService/GetInspection";
        const string close = "/ratinggrid.v1.InspectionService/CloseInspection";

        var refused = await Assert.ThrowsAsync<RpcException>(() => access.UnaryServerHandler(new GetInspectionRequest { InspectionId = id },
            TestServerCallContext.Create(Callers.InRegion("reader", "London"), get), _service.GetInspection));
        var refusedClose = await Assert.ThrowsAsync<RpcException>(() => access.UnaryServerHandler(new InspectionActionRequest { InspectionId = id },
            TestServerCallContext.Create(Callers.InRegion("lead", "London"), close), _service.CloseInspection));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (refused.StatusCode, refusedClose.StatusCode));
        Assert.Equal(Contracts.V1.InspectionStatus.Open, (await _service.GetInspection(new GetInspectionRequest { InspectionId = id }, TestServerCallContext.Create())).Status);
        var allowed = await access.UnaryServerHandler(new GetInspectionRequest { InspectionId = id }, TestServerCallContext.Create(Callers.InRegion("reader", "Wales"), get), _service.GetInspection);
        Assert.Equal("Wales", allowed.Region);
    }

    [Fact]
    public async Task An_unknown_rulebook_version_names_the_version_field()
    {
        var request = Requests.Open(Requests.NewId());
        request.Rulebook.Version = 99;

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => _service.OpenInspection(request, TestServerCallContext.Create()));

        Assert.Equal("rulebook.version", Assert.Single(refused.Violations).Field);
        Assert.False(_grains.Inspections.ContainsKey(request.InspectionId));
    }
}
