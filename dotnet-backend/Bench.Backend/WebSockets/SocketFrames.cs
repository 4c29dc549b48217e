using System.Buffers.Text;
using System.Text.Json;
using Bench.Backend.Json;

namespace Bench.Backend.WebSockets;

/// <summary>The frames the server sends on <c>/ws</c> (contract §5).</summary>
internal static class SocketFrames
{
    /// <summary>Room for the longest ack: the prefix, 16 digits of a 2^53 integer and the closing brace.</summary>
    public const int MaxAckLength = 64;

    /// <summary>Writes <c>{"type":"ack","seq":n}</c>; the hot path, so formatted in place without a serializer.</summary>
    public static int WriteAck(Span<byte> destination, long seq)
    {
        var prefix = """{"type":"ack","seq":"""u8;
        prefix.CopyTo(destination);
        Utf8Formatter.TryFormat(seq, destination[prefix.Length..], out var digits);
        destination[prefix.Length + digits] = (byte)'}';
        return prefix.Length + digits + 1;
    }

    /// <summary><c>{"type":"error","error":"...","seq":n|null}</c>.</summary>
    public static byte[] Error(string message, long? seq) =>
        JsonSerializer.SerializeToUtf8Bytes(new SocketErrorFrame("error", message, seq), BackendJsonContext.Default.SocketErrorFrame);
}
