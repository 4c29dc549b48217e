using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Bench.Load.Clients.WebSockets;

internal sealed partial class WebSocketConnection
{
    // Close status 1000, normal closure (§7.4.1), big-endian.
    private static readonly byte[] NormalClosure = [0x03, 0xE8];

    // Serialises writers (the device's sends, the receive loop's pongs and close replies) so frames never interleave.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>Sends <paramref name="utf8"/> as one masked text frame; throws <see cref="WebSocketException"/> once
    /// the connection is closing, and the socket's exception when the write fails.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendTextAsync(ReadOnlyMemory<byte> utf8)
    {
        if (State != WebSocketState.Open)
        {
            throw new WebSocketException(WebSocketError.InvalidState, $"The WebSocket is {State}, not Open.");
        }

        byte[] frame = ArrayPool<byte>.Shared.Rent(WebSocketFrameWriter.GetLength(utf8.Length));
        try
        {
            int length = WebSocketFrameWriter.Write(frame, WebSocketOpcode.Text, utf8.Span, NextMaskKey());
            await SendAllAsync(frame.AsMemory(0, length), CancellationToken.None);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    private async Task SendControlAsync(WebSocketOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        byte[] frame = ArrayPool<byte>.Shared.Rent(WebSocketFrameWriter.GetLength(payload.Length));
        try
        {
            int length = WebSocketFrameWriter.Write(frame, opcode, payload.Span, NextMaskKey());
            await SendAllAsync(frame.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Writes whole frames. Cancellation applies only while waiting for the lock: a frame abandoned
    /// half-written would corrupt the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            while (!bytes.IsEmpty)
            {
                int sent = await _socket.SendAsync(bytes, SocketFlags.None, CancellationToken.None);
                bytes = bytes[sent..];
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A fresh masking key per frame, from a strong source as §5.3 asks (four bytes, no allocation).</summary>
    private static uint NextMaskKey()
    {
        Span<byte> key = stackalloc byte[4];
        RandomNumberGenerator.Fill(key);
        return BinaryPrimitives.ReadUInt32LittleEndian(key);
    }
}
