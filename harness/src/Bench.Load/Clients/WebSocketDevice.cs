using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using Bench.Load.Recording;

namespace Bench.Load.Clients;

/// <summary>
/// One WebSocket device: its socket, its in-flight sends, and a receive loop that waits with a zero-byte read so an
/// idle device holds no receive buffer (buffers come from the shared pool only while a reply is read).
/// </summary>
internal sealed class WebSocketDevice(int index, byte[] utf8Id, ClientWebSocket socket, int inFlight, ISendObserver observer)
{
    // Replies are ~25 bytes (ack) or a short error; a longer one is read in pieces and only its start is parsed.
    private const int ReplyBufferSize = 512;

    private readonly InFlightWindow _window = new(inFlight);
    // ClientWebSocket allows one send at a time; frames of one device queue here.
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _seq;
    private int _closed;

    public void StartReceiving() => _ = ReceiveLoopAsync();

    public SendStart TrySend(long intended)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return SendStart.Disconnected;
        }

        long seq = Interlocked.Increment(ref _seq);
        if (!_window.TryAdd(seq, intended, Stopwatch.GetTimestamp()))
        {
            return SendStart.Busy;
        }

        _ = SendAsync(seq, intended);
        return SendStart.Started;
    }

    public void Expire(long sentBefore)
    {
        while (_window.TryTakeSentBefore(sentBefore, out long intended, out _))
        {
            observer.Failed(index, intended, ErrorKind.Timeout);
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection goes either way.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task SendAsync(long seq, long intended)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(TelemetryPayload.MaxLength);
        await _sendLock.WaitAsync();
        try
        {
            int length = TelemetryPayload.Write(buffer, utf8Id, seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception e)
        {
            if (_window.TryTake(seq, out _, out _))
            {
                observer.Failed(index, intended, ErrorClassifier.OfSend(e));
            }
        }
        finally
        {
            _sendLock.Release();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                byte[] buffer = ArrayPool<byte>.Shared.Rent(ReplyBufferSize);
                try
                {
                    if (!await ReceiveReplyAsync(buffer))
                    {
                        break;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection is gone; what is in flight fails below.
        }

        Volatile.Write(ref _closed, 1);
        while (_window.TryTakeOldest(out long intended, out _))
        {
            observer.Failed(index, intended, ErrorKind.ConnectionLost);
        }

        observer.Disconnected();
    }

    /// <summary>Reads one whole message; false when the server closed the connection.</summary>
    private async Task<bool> ReceiveReplyAsync(byte[] buffer)
    {
        int length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(Math.Min(length, buffer.Length - 1)), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            length = Math.Min(length + result.Count, buffer.Length);
        }
        while (!result.EndOfMessage);

        Complete(AckReader.Read(buffer.AsSpan(0, length), out long seq), seq);
        return true;
    }

    private void Complete(AckKind kind, long seq)
    {
        long answeredAt = Stopwatch.GetTimestamp();
        bool known = seq >= 0 ? _window.TryTake(seq, out long intended, out long sentAt) : _window.TryTakeOldest(out intended, out sentAt);
        if (!known)
        {
            return;
        }

        if (kind == AckKind.Ack)
        {
            observer.Acked(index, intended, sentAt, answeredAt);
        }
        else
        {
            observer.Failed(index, intended, kind == AckKind.Error ? ErrorKind.Rejected : ErrorKind.Protocol);
        }
    }
}
