using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;

namespace RatingGrid.Host.Access;

/// <summary>
/// Every InspectionService rpc's access to its inspection, applied here once from the request's
/// <c>inspection_id</c> (after <see cref="AccessInterceptor"/> admitted the caller), so that the
/// service's methods do only their own work:
/// <list type="bullet">
/// <item>a caller bound to regions reaches only inspections of those regions;</item>
/// <item>a read (scope ratinggrid.read) reaches only an inspection the caller may see: one whose answer
/// is the inspection itself is checked on that answer (every state a watch sends, too), any other
/// before it runs;</item>
/// <item>what a write or a lifecycle step answers carries figures only for a caller who may see them.</item>
/// </list>
/// A judgement stream names its inspection per batch: its reader checks each batch's region, and its
/// acknowledgements are answered here as a write's are.
/// </summary>
internal sealed class InspectionAccess(AccessRules rules, RegionGuard regions, VisibilityGuard visibility) : Interceptor
{
    private static readonly string Service = $"/{InspectionService.Descriptor.FullName}/";
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor?> IdFields = new();

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!Governs(context))
        {
            return await continuation(request, context);
        }

        var reads = await AdmitAsync(request, context);
        var response = await continuation(request, context);
        return reads ? Shown(context.Caller(), response) : VisibilityGuard.Answer(context.Caller(), response);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!Governs(context))
        {
            await continuation(request, responseStream, context);
            return;
        }

        await AdmitAsync(request, context);
        // A watch may outlive what its caller may see: an embargo lifted or a correction begun ends it.
        await continuation(request, new CheckedWriter<TResponse>(responseStream, m => Shown(context.Caller(), m)), context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Governs(context)
            ? continuation(requestStream, new CheckedWriter<TResponse>(responseStream, m => VisibilityGuard.Answer(context.Caller(), m)), context)
            : continuation(requestStream, responseStream, context);

    private static bool Governs(ServerCallContext context) => context.Method.StartsWith(Service, StringComparison.Ordinal);

    // The region binding for every rpc; for a read whose answer is not the inspection, its visibility too. True for a read.
    private async Task<bool> AdmitAsync<TRequest>(TRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var inspectionId = InspectionId(request);
        await regions.EnsureInspectionAsync(caller, inspectionId);
        if (rules.ScopeFor(context.Method) != Scopes.Read)
        {
            return false;
        }

        if (!AnswersWithTheInspection(context.Method))
        {
            await visibility.EnsureVisibleAsync(caller, inspectionId);
        }

        return true;
    }

    private static T Shown<T>(Caller caller, T message) =>
        message is Inspection inspection ? (T)(object)VisibilityGuard.Ensure(caller, inspection) : message;

    private static bool AnswersWithTheInspection(string method) =>
        InspectionService.Descriptor.FindMethodByName(method[Service.Length..])?.OutputType == Inspection.Descriptor;

    // Every InspectionService request but a stream's batches names its inspection in a field of that name.
    private static string InspectionId<TRequest>(TRequest request) =>
        request is IMessage message && IdFields.GetOrAdd(message.Descriptor, static d => d.FindFieldByName("inspection_id")) is { } field
            ? (string)field.Accessor.GetValue(message)
            : "";

    private sealed class CheckedWriter<T>(IServerStreamWriter<T> inner, Func<T, T> check) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => inner.WriteAsync(check(message));

        public Task WriteAsync(T message, CancellationToken cancellationToken) => inner.WriteAsync(check(message), cancellationToken);
    }
}
