using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Bench.Load.Clients.WebSockets;

internal sealed partial class WebSocketConnection
{
    // Replies are ~25 bytes (ack) or a short error; a longer frame grows the buffer while it is read.
    private const int ReceiveBufferSize = 512;

    // Created only when a message arrives in pieces (§5.4).
    private WebSocketMessageAssembler? _assembler;

    // Pongs and the close reply owed for frames of the current read, sent together once the read is processed.
    private byte[]? _replies;
    private int _repliesLength;

    private async Task ReceiveLoopAsync()
    {
        (byte[]? buffer, int count) = (_early, _earlyCount);
        _early = null;
        try
        {
            bool closing = false;
            if (count > 0)
            {
                count = ProcessFrames(ref buffer!, count, out closing);
                await FlushRepliesAsync();
            }

            while (!closing)
            {
                if (count == 0)
                {
                    ReturnBuffer(ref buffer);
                    // A zero-byte read waits for data without holding a buffer: idle connections cost no receive memory.
                    await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                    buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
                }

                int read = await _socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None);
                if (read == 0)
                {
                    break;
                }

                count = ProcessFrames(ref buffer!, count + read, out closing);
                await FlushRepliesAsync();
            }
        }
        catch (Exception)
        {
            // The connection is gone or the server broke the protocol; either way it ends here, and the handler
            // learns it below, whatever the exception.
        }
        finally
        {
            ReturnBuffer(ref buffer);
            ReturnBuffer(ref _replies);
            _assembler?.Reset();
        }

        Abort();
        _handler!.OnClosed();
    }

    /// <summary>Handles every complete frame in <paramref name="buffer"/> and returns the bytes of the partial one left
    /// at its start, growing the buffer when that frame is larger than it. Stops at a close frame.</summary>
    private int ProcessFrames(ref byte[] buffer, int count, out bool closing)
    {
        int consumed = 0;
        closing = false;
        while (!closing)
        {
            var unread = buffer.AsSpan(consumed, count - consumed);
            if (!WebSocketFrameReader.TryRead(unread, out var frame, out int required))
            {
                if (required > buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(required);
                    unread.CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                else if (consumed > 0)
                {
                    unread.CopyTo(buffer);
                }

                return unread.Length;
            }

            closing = Dispatch(frame);
            consumed += frame.TotalLength;
        }

        return 0;
    }

    /// <summary>Acts on one frame; true when it was the server's close frame.</summary>
    private bool Dispatch(in WebSocketFrame frame)
    {
        switch (frame.Opcode)
        {
            case WebSocketOpcode.Ping:
                QueueReply(WebSocketOpcode.Pong, frame.Payload);
                return false;
            case WebSocketOpcode.Pong:
                return false;
            case WebSocketOpcode.Close:
                int open = (int)WebSocketState.Open;
                if (Interlocked.CompareExchange(ref _state, (int)WebSocketState.CloseReceived, open) == open)
                {
                    // §5.5.1: answer with a close frame, echoing the status code.
                    QueueReply(WebSocketOpcode.Close, frame.Payload.Length >= 2 ? frame.Payload[..2] : []);
                }

                return true;
            default:
                if (_assembler is null && frame.IsFinal && frame.Opcode != WebSocketOpcode.Continuation)
                {
                    _handler!.OnMessage(frame.Payload);
                }
                else
                {
                    (_assembler ??= new WebSocketMessageAssembler()).Add(frame, _handler!);
                }

                return false;
        }
    }

    private void QueueReply(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        int length = WebSocketFrameWriter.GetLength(payload.Length);
        if (_replies is null || _repliesLength + length > _replies.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(256, (_repliesLength + length) * 2));
            _replies?.AsSpan(0, _repliesLength).CopyTo(larger);
            ReturnBuffer(ref _replies);
            _replies = larger;
        }

        _repliesLength += WebSocketFrameWriter.Write(_replies.AsSpan(_repliesLength), opcode, payload, NextMaskKey());
    }

    private async ValueTask FlushRepliesAsync()
    {
        if (_repliesLength == 0)
        {
            return;
        }

        await SendAllAsync(_replies.AsMemory(0, _repliesLength), CancellationToken.None);
        _repliesLength = 0;
        ReturnBuffer(ref _replies);
    }
}
