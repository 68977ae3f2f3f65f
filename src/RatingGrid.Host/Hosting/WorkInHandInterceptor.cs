using Grpc.Core;
using Grpc.Core.Interceptors;

namespace RatingGrid.Host.Hosting;

/// <summary>Counts each unary call as work in hand (<see cref="HostDeparture.Working"/>), so that a leaving host finishes it before its silo leaves.</summary>
internal sealed class WorkInHandInterceptor(HostDeparture departure) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var work = departure.Working();
        return await continuation(request, context);
    }
}
