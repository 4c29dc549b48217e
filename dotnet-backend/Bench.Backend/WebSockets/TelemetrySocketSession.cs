using System.Buffers;
using System.Net.WebSockets;
using Bench.Backend.Stats;
using Bench.Backend.Telemetry;

namespace Bench.Backend.WebSockets;

/// <summary>
/// One device's WebSocket: a single receive loop; each text frame is a reading answered by an ack or an
/// error frame, and nothing short of an oversized frame, a close or shutdown ends the connection (contract §5).
/// </summary>
internal sealed class TelemetrySocketSession(WebSocket socket, string deviceId, TelemetryProcessor processor, BackendCounters counters)
{
    public const int MaxMessageBytes = 65_536;
    private const int InitialBufferBytes = 4096;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            // Wait for the next frame without holding a buffer: idle devices then cost no pooled memory.
            var next = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
            if (next.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, null);
                return;
            }
            if (!await ReceiveAndAnswerAsync(next, cancellationToken))
                return;
        }
    }

    /// <returns>False when the connection was closed.</returns>
    private async Task<bool> ReceiveAndAnswerAsync(ValueWebSocketReceiveResult first, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            var length = 0;
            var last = first;
            while (!last.EndOfMessage)
            {
                if (length == buffer.Length)
                    buffer = Grow(buffer, length);
                last = await socket.ReceiveAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxMessageBytes + 1) - length), cancellationToken);
                if (last.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, null);
                    return false;
                }
                length += last.Count;
                if (length > MaxMessageBytes)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "frame larger than 65536 bytes");
                    return false;
                }
            }
            await AnswerAsync(first.MessageType, buffer.AsMemory(0, length), cancellationToken);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task AnswerAsync(WebSocketMessageType type, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (type == WebSocketMessageType.Binary)
        {
            counters.ReadingRejected();
            await SendAsync(SocketFrames.Error("binary frames are not accepted; send telemetry as text", null), cancellationToken);
            return;
        }
        var result = processor.Process(message.Span, deviceId, Transport.WebSocket);
        if (!result.Accepted)
        {
            await SendAsync(SocketFrames.Error(result.Error!, result.Seq), cancellationToken);
            return;
        }
        var ack = ArrayPool<byte>.Shared.Rent(SocketFrames.MaxAckLength);
        try
        {
            var length = SocketFrames.WriteAck(ack, result.Seq!.Value);
            await SendAsync(ack.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(ack);
        }
    }

    private ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Completes the close handshake, but never waits on a peer that does not answer for long.</summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string? description)
    {
        using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
        try
        {
            await socket.CloseAsync(status, description, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            socket.Abort();
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxMessageBytes + 1));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
