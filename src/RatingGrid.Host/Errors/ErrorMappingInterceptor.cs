using Grpc.Core;
using Grpc.Core.Interceptors;

namespace RatingGrid.Host.Errors;

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

    internal RpcException Map(Exception ex, ServerCallContext context)
    {
        var mapped = ErrorStatus.From(ex);
        if (mapped is null)
        {
            if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            {
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            }

            LogUnexpected(context.Method, ex);
            return new RpcException(new Status(StatusCode.Internal, "An unexpected error occurred; it has been logged. The change may or may not have been stored: retrying it is safe."));
        }

        return mapped;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method}")]
    private partial void LogUnexpected(string method, Exception exception);
}
