using System.Buffers;
using System.Net.WebSockets;

namespace Bench.Load.Clients.WebSockets;

/// <summary>
/// Joins a fragmented message (RFC 6455 §5.4) from its data frames. A connection creates one only when a message
/// arrives in pieces, and the pooled buffer is held only until the last piece; whole messages in one frame go to the
/// handler straight from the receive buffer.
/// </summary>
internal sealed class WebSocketMessageAssembler
{
    private byte[]? _buffer;
    private int _length;

    /// <summary>Whether a message has started and not yet ended.</summary>
    public bool InProgress => _buffer is not null;

    /// <summary>Adds a data frame; hands the message to <paramref name="handler"/> once its final frame arrives.</summary>
    public void Add(in WebSocketFrame frame, IWebSocketHandler handler)
    {
        bool continuation = frame.Opcode == WebSocketOpcode.Continuation;
        if (continuation != InProgress)
        {
            throw new WebSocketException(WebSocketError.InvalidMessageType, continuation
                ? "The server sent a continuation frame outside a fragmented message."
                : "The server started a message before ending the previous one.");
        }

        if (frame.IsFinal && !continuation)
        {
            handler.OnMessage(frame.Payload);
            return;
        }

        Append(frame.Payload);
        if (frame.IsFinal)
        {
            try
            {
                handler.OnMessage(_buffer.AsSpan(0, _length));
            }
            finally
            {
                Reset();
            }
        }
    }

    /// <summary>Drops a message in progress and returns its buffer.</summary>
    public void Reset()
    {
        if (_buffer is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _buffer = null;
        _length = 0;
    }

    private void Append(ReadOnlySpan<byte> payload)
    {
        int needed = _length + payload.Length;
        if (needed > WebSocketFrameReader.MaxPayloadLength)
        {
            Reset();
            throw new WebSocketException(WebSocketError.Faulted, $"The server sent a message over {WebSocketFrameReader.MaxPayloadLength} bytes.");
        }

        if (_buffer is null || needed > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 256));
            _buffer?.AsSpan(0, _length).CopyTo(larger);
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        payload.CopyTo(_buffer.AsSpan(_length));
        _length = needed;
    }
}
