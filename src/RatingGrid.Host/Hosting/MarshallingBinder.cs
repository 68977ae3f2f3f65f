using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using RatingGrid.Host.Errors;
using RatingGrid.Host.Mapping;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// Receives each method of a generated service and adds it to the endpoint model with our
/// marshallers: a request that does not parse is INVALID_ARGUMENT naming what failed, and a shared
/// read model (<see cref="SharedWire"/>) goes out as the bytes made when it was mapped. Calls go to
/// the service's override of the method, resolved per call as grpc-dotnet does.
/// </summary>
internal sealed class MarshallingBinder<TService>(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        context.AddUnaryMethod(Guarded(method), Metadata(Handler(method.Name, typeof(TRequest), typeof(ServerCallContext))),
            Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        context.AddServerStreamingMethod(Guarded(method), Metadata(Handler(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext))),
            Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        context.AddClientStreamingMethod(Guarded(method), Metadata(Handler(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext))),
            Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        context.AddDuplexStreamingMethod(Guarded(method), Metadata(Handler(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext))),
            Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)));

    private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, bytes =>
        {
            try
            {
                return parse(bytes);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw ErrorStatus.Unparseable($"The request's bytes are not a {typeof(TRequest).Name} message ({method.FullName}): {ex.Message}", ex.Message);
            }
        });
        var serialize = method.ResponseMarshaller.ContextualSerializer;
        var responses = Marshallers.Create<TResponse>((response, context) =>
        {
            if (SharedWire.TryGetBytes(response, out var bytes))
            {
                context.Complete(bytes);
            }
            else
            {
                serialize(response, context);
            }
        }, method.ResponseMarshaller.ContextualDeserializer);
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, responses);
    }

    private TDelegate Invoker<TDelegate>(string name, params Type[] parameters)
        where TDelegate : Delegate =>
        (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), Handler(name, parameters));

    // The service's override of the generated virtual method (a method of the same name that hides it is not the handler).
    private MethodInfo Handler(string name, params Type[] parameters)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters) is { IsVirtual: true } method
                && method.GetBaseDefinition().DeclaringType == serviceBase)
            {
                return method;
            }
        }

        throw new InvalidOperationException($"{typeof(TService).Name} has no override of {serviceBase.Name}.{name}.");
    }

    // What grpc-dotnet gives an endpoint: the service's attributes, then the method's (which win), and POST.
    private static List<object> Metadata(MethodInfo handler) =>
        [.. typeof(TService).GetCustomAttributes(inherit: true), .. handler.GetCustomAttributes(inherit: true), new HttpMethodMetadata(["POST"], acceptCorsPreflight: true)];
}
