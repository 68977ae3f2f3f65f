using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Host.Errors;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>Every failure a service can meet reaches the caller as its documented status, in process.</summary>
public sealed class ErrorMappingTests
{
    private static readonly ErrorMappingInterceptor Interceptor = new(NullLogger<ErrorMappingInterceptor>.Instance);

    private static Task<RpcException> FailWith(Exception failure) => FailWith(failure, TestServerCallContext.Create());

    private static async Task<RpcException> FailWith(Exception failure, TestServerCallContext context) =>
        await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>("request", context, (_, _) => throw failure));

    public static TheoryData<string, StatusCode> Failures => new()
    {
        { nameof(InspectionNotFoundException), StatusCode.NotFound },
        { nameof(InspectionStateException), StatusCode.FailedPrecondition },
        { nameof(LimitReachedException), StatusCode.ResourceExhausted },
        { nameof(StorageUnavailableException), StatusCode.Unavailable },
        { nameof(TimeoutException), StatusCode.Unavailable },
        { nameof(SiloUnavailableException), StatusCode.Unavailable },
        { nameof(InvalidOperationException), StatusCode.Internal },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_failure_maps_to_its_status_with_a_message(string failure, StatusCode expected)
    {
        Exception exception = failure switch
        {
            nameof(InspectionNotFoundException) => new InspectionNotFoundException("redcar"),
            nameof(InspectionStateException) => new InspectionStateException("Inspection 'redcar' is closed; reopen it before changing it."),
            nameof(LimitReachedException) => new LimitReachedException("MaxCasesPerInspection", 10, "Inspection 'redcar' holds 10 cases"),
            nameof(StorageUnavailableException) => new StorageUnavailableException("Inspection 'redcar' could not be written."),
            nameof(TimeoutException) => new TimeoutException(),
            nameof(SiloUnavailableException) => new SiloUnavailableException(),
            _ => new InvalidOperationException("a bug with private detail"),
        };

        var refused = await FailWith(exception);

        Assert.Equal(expected, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(refused.Status.Detail));
        Assert.DoesNotContain("private detail", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_request_carries_a_bad_request_detail_naming_every_field()
    {
        var refused = await FailWith(new InvalidRequestException([new FieldViolation("judgements[2].answers[0].answer", "must be Yes, No or Not applicable"), new FieldViolation("actor", "is required")]));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var badRequest = refused.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["judgements[2].answers[0].answer", "actor"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("must be Yes, No or Not applicable", badRequest.FieldViolations[0].Description);
    }

    [Fact]
    public async Task A_call_the_client_cancelled_ends_cancelled_not_internal()
    {
        var refused = await FailWith(new OperationCanceledException(), TestServerCallContext.Cancelled());

        Assert.Equal(StatusCode.Cancelled, refused.StatusCode);
    }

    [Fact]
    public async Task A_status_a_service_chose_passes_through_unchanged()
    {
        var chosen = new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "not your region"));

        var refused = await FailWith(chosen);

        Assert.Same(chosen, refused);
    }

    [Fact]
    public void A_failed_batch_of_a_stream_names_its_batch()
    {
        var status = ErrorStatus.From(new InspectionStateException("Inspection 'redcar' is closed."), "Batch 7: ");

        Assert.NotNull(status);
        Assert.Equal(StatusCode.FailedPrecondition, status.StatusCode);
        Assert.StartsWith("Batch 7: ", status.Status.Detail, StringComparison.Ordinal);
    }
}
