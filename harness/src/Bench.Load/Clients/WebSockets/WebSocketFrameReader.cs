using System.Buffers.Binary;
using System.Net.WebSockets;

namespace Bench.Load.Clients.WebSockets;

/// <summary>Frames server-to-client bytes (RFC 6455 §5.2). Server frames are never masked, carry no extension bits,
/// and here are shorter than <see cref="MaxPayloadLength"/>: the backends' replies are a few dozen bytes.</summary>
internal static class WebSocketFrameReader
{
    /// <summary>The largest payload read: lengths up to the 16-bit form (§5.2), 64-bit ones are refused.</summary>
    public const int MaxPayloadLength = ushort.MaxValue;

    /// <summary>The largest frame header read: two bytes and the 16-bit length.</summary>
    public const int MaxHeaderLength = 4;

    private const int MaxControlPayloadLength = 125;

    /// <summary>
    /// Reads the frame at the start of <paramref name="buffer"/>. False when it is not all there yet;
    /// <paramref name="required"/> then says how many bytes the frame (or, before its length is known, its header)
    /// needs. Throws <see cref="WebSocketException"/> when the frame breaks the protocol.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> buffer, out WebSocketFrame frame, out int required)
    {
        frame = default;
        required = 2;
        if (buffer.Length < 2)
        {
            return false;
        }

        byte first = buffer[0];
        byte second = buffer[1];
        var opcode = ReadOpcode(first);
        if ((second & 0x80) != 0)
        {
            // §5.1: a client must close the connection on a masked server frame.
            throw Violation("The server sent a masked frame.");
        }

        int length = second & 0x7F;
        int headerLength = 2;
        if (length == 127)
        {
            throw new WebSocketException(WebSocketError.Faulted, $"The server sent a frame of 64 KiB or more; this client reads up to {MaxPayloadLength} bytes.");
        }

        if (length == 126)
        {
            headerLength = 4;
            if (buffer.Length < headerLength)
            {
                required = headerLength;
                return false;
            }

            length = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
        }

        bool isFinal = (first & 0x80) != 0;
        if (opcode >= WebSocketOpcode.Close && (!isFinal || length > MaxControlPayloadLength))
        {
            throw Violation("The server sent a fragmented or oversized control frame (§5.5).");
        }

        required = headerLength + length;
        if (buffer.Length < required)
        {
            return false;
        }

        frame = new WebSocketFrame(isFinal, opcode, buffer.Slice(headerLength, length), required);
        return true;
    }

    private static WebSocketOpcode ReadOpcode(byte first)
    {
        if ((first & 0x70) != 0)
        {
            throw Violation("The server set reserved bits although no extension was negotiated.");
        }

        var opcode = (WebSocketOpcode)(first & 0x0F);
        return Enum.IsDefined(opcode) ? opcode : throw Violation($"The server sent the reserved opcode 0x{(int)opcode:X}.");
    }

    private static WebSocketException Violation(string message) => new(WebSocketError.HeaderError, message);
}
