using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using RatingGrid.Grains;

namespace RatingGrid.Host.Grpc;

/// <summary>
/// Turns the grains' exceptions into precise gRPC statuses for every rpc, so that services stay thin.
/// Anything unforeseen is logged and becomes INTERNAL without leaking its details.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        var mapped = ErrorStatus.From(ex);
        if (mapped is null)
        {
            if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            {
                return new RpcException(new global::Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
            }

            LogUnexpected(context.Method, ex);
            return new RpcException(new global::Grpc.Core.Status(StatusCode.Internal, "An unexpected error occurred; it has been logged. The change may or may not have been stored: retrying it is safe."));
        }

        return mapped;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method}")]
    private partial void LogUnexpected(string method, Exception exception);
}

/// <summary>The status each known failure maps to.</summary>
internal static class ErrorStatus
{
    public static RpcException? From(Exception ex, string prefix = "") => ex switch
    {
        InvalidRequestException e => BadRequest(prefix + e.Message, e.Violations),
        InspectionNotFoundException e => Simple(Code.NotFound, prefix + e.Message),
        InspectionStateException e => Simple(Code.FailedPrecondition, prefix + e.Message),
        LimitReachedException e => Simple(Code.ResourceExhausted, prefix + e.Message),
        StorageUnavailableException e => Simple(Code.Unavailable, prefix + e.Message),
        TimeoutException => Simple(Code.Unavailable, prefix + "The inspection did not answer in time; the change may or may not be stored: retrying it is safe."),
        SiloUnavailableException or OrleansMessageRejectionException => Simple(Code.Unavailable, prefix + "The inspection is moving between servers; retrying is safe."),
        _ => null,
    };

    private static RpcException BadRequest(string message, IReadOnlyList<Violation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = message, Details = { Any.Pack(badRequest) } }.ToRpcException();
    }

    private static RpcException Simple(Code code, string message) =>
        new Google.Rpc.Status { Code = (int)code, Message = message }.ToRpcException();
}
