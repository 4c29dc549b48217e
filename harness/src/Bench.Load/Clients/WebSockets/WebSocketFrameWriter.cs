using System.Buffers.Binary;

namespace Bench.Load.Clients.WebSockets;

/// <summary>Writes client-to-server frames (RFC 6455 §5.2): always final, always masked, with a 7-bit or 16-bit
/// payload length. The load engine's frames are a reading of ~110 bytes or a short control frame, so the 64-bit
/// length form is refused rather than carried.</summary>
internal static class WebSocketFrameWriter
{
    /// <summary>The largest payload written: what fits in the 16-bit length form.</summary>
    public const int MaxPayloadLength = ushort.MaxValue;

    private const int MaskLength = 4;

    /// <summary>The bytes a frame with <paramref name="payloadLength"/> bytes of payload takes.</summary>
    public static int GetLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadLength, MaxPayloadLength);
        return (payloadLength < 126 ? 2 : 4) + MaskLength + payloadLength;
    }

    /// <summary>Writes one final frame with <paramref name="payload"/> masked by <paramref name="maskKey"/> (§5.3) and
    /// returns its length.</summary>
    public static int Write(Span<byte> destination, WebSocketOpcode opcode, ReadOnlySpan<byte> payload, uint maskKey)
    {
        int total = GetLength(payload.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, total, nameof(destination));
        destination[0] = (byte)(0x80 | (byte)opcode);
        int offset = 2;
        if (payload.Length < 126)
        {
            destination[1] = (byte)(0x80 | payload.Length);
        }
        else
        {
            destination[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payload.Length);
            offset = 4;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], maskKey);
        Mask(payload, destination.Slice(offset, MaskLength), destination.Slice(offset + MaskLength, payload.Length));
        return total;
    }

    /// <summary>XORs <paramref name="source"/> with the four key bytes, repeated, into <paramref name="destination"/>;
    /// applied twice it restores the data (§5.3).</summary>
    public static void Mask(ReadOnlySpan<byte> source, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (byte)(source[i] ^ key[i & 3]);
        }
    }
}
