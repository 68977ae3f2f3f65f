using Google.Protobuf.Reflection;
using Grpc.Core;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Host.Tests;

/// <summary>
/// Calls any rpc of the contract with raw message bytes, as a client that does not (or will not)
/// follow the contract would: for the access and fuzz tests.
/// </summary>
internal static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static IReadOnlyList<MethodDescriptor> EveryRpc { get; } =
        [.. new[] { InspectionService.Descriptor, RulebookService.Descriptor, AggregationService.Descriptor, RegistryService.Descriptor }.SelectMany(s => s.Methods)];

    /// <summary>Sends the messages and reads every response until the call ends; the status it ended with.</summary>
    public static async Task<Status> CallAsync(CallInvoker invoker, MethodDescriptor rpc, IReadOnlyList<byte[]> messages, TimeSpan deadline, CancellationToken cancel)
    {
        var type = (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, rpc.Service.FullName, rpc.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow + deadline, cancellationToken: cancel);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, messages.Count > 0 ? messages[0] : []);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, messages.Count > 0 ? messages[0] : []))
                    {
                        while (await call.ResponseStream.MoveNext(cancel))
                        {
                        }
                    }

                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        try
                        {
                            foreach (var message in messages)
                            {
                                await call.RequestStream.WriteAsync(message, cancel);
                            }

                            await call.RequestStream.CompleteAsync();
                        }
                        catch (RpcException)
                        {
                            // The server ended the call while we were still sending; its status follows.
                        }
                        catch (InvalidOperationException)
                        {
                            // Likewise: the call is already complete, so writing is refused.
                        }

                        while (await call.ResponseStream.MoveNext(cancel))
                        {
                        }
                    }

                    break;
            }

            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }
}
