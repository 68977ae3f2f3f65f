using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// Binds every gRPC service as grpc-dotnet's own provider does (through the generated
/// <c>BindService</c>), with our marshallers (see <see cref="MarshallingBinder{TService}"/>): a
/// request whose bytes do not parse as its message is refused with INVALID_ARGUMENT naming what
/// failed, instead of the UNKNOWN a parser's exception becomes (parsing happens before any
/// interceptor runs, so it has to be the marshaller), and shared read models are serialised once.
/// </summary>
internal sealed class MarshallingMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (FindBindMethod(typeof(TService)) is not { } bind)
        {
            return; // not a generated service: nothing to bind
        }

        var serviceBase = bind.GetParameters()[1].ParameterType;
        bind.Invoke(null, [new MarshallingBinder<TService>(context, serviceBase), null]);
    }

    // The generated base class carries [BindServiceMethod] naming its static BindService(ServiceBinderBase, Base).
    private static MethodInfo? FindBindMethod(Type service)
    {
        for (var type = service; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute)
            {
                return attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type]);
            }
        }

        return null;
    }
}
