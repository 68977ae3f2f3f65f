using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace RatingGrid.Host.Mapping;

/// <summary>
/// Wire messages that every reader of one immutable view shares, with their bytes made once: the
/// response marshaller (see <c>MarshallingBinder</c>) sends these bytes instead of serialising the
/// message again for each reader. A shared message must never be modified.
/// </summary>
internal static class SharedWire
{
    private static readonly ConditionalWeakTable<object, byte[]> Bytes = [];

    public static T Share<T>(T message)
        where T : IMessage
    {
        Bytes.AddOrUpdate(message, message.ToByteArray());
        return message;
    }

    public static bool TryGetBytes(object message, out byte[] bytes) => Bytes.TryGetValue(message, out bytes!);
}
