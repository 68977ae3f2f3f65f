using System.Buffers.Binary;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// How records lie in a segment. A segment is a run of frames, each one atomic append:
/// <c>[payload length: u32 LE][flags: u8][payload]</c>. A record is one frame, or (over
/// <see cref="MaxFramePayload"/>) several, the first flagged <see cref="First"/> and the last
/// <see cref="Last"/>. A record whose last frame never landed (its writer died mid-way) is torn: it
/// was never acknowledged, and readers drop it. A <see cref="Seal"/> frame ends a segment for good.
/// </summary>
internal static class JournalFrames
{
    /// <summary>Azure Storage takes at most 4 MiB per append.</summary>
    public const int MaxFramePayload = (4 * 1024 * 1024) - HeaderSize;

    public const int HeaderSize = 5;

    private const byte First = 1;
    private const byte Last = 2;
    private const byte Seal = 4;

    /// <summary>The frames that carry <paramref name="record"/> (never empty), each no larger than one append.</summary>
    public static IReadOnlyList<byte[]> Split(ReadOnlyMemory<byte> record)
    {
        ArgumentOutOfRangeException.ThrowIfZero(record.Length);
        var frames = new List<byte[]>(1 + (record.Length / MaxFramePayload));
        for (var start = 0; start < record.Length; start += MaxFramePayload)
        {
            var length = Math.Min(MaxFramePayload, record.Length - start);
            var flags = (byte)((start == 0 ? First : 0) | (start + length == record.Length ? Last : 0));
            frames.Add(Frame(record.Span.Slice(start, length), flags));
        }

        return frames;
    }

    public static byte[] SealFrame() => Frame([], Seal);

    /// <summary>The whole records in a segment, in order; and whether it is sealed.</summary>
    public static (List<byte[]> Records, bool Sealed) Read(ReadOnlySpan<byte> segment)
    {
        var records = new List<byte[]>();
        var partial = new List<byte[]>();
        for (var at = 0; at + HeaderSize <= segment.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(segment[at..]);
            var flags = segment[at + 4];
            if (at + HeaderSize + length > segment.Length)
            {
                throw new InvalidDataException($"A journal frame at byte {at} claims {length} bytes; the segment holds {segment.Length - at - HeaderSize}.");
            }

            var payload = segment.Slice(at + HeaderSize, length).ToArray();
            at += HeaderSize + length;
            if ((flags & Seal) != 0)
            {
                return (records, true);
            }

            if ((flags & First) != 0)
            {
                partial.Clear(); // a record begun before this one and never finished was torn
            }

            partial.Add(payload);
            if ((flags & Last) != 0)
            {
                records.Add(partial.Count == 1 ? partial[0] : [.. partial.SelectMany(p => p)]);
                partial.Clear();
            }
        }

        return (records, false);
    }

    private static byte[] Frame(ReadOnlySpan<byte> payload, byte flags)
    {
        var frame = new byte[HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        frame[4] = flags;
        payload.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }
}
