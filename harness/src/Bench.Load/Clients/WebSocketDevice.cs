using System.Buffers;
using System.Diagnostics;
using Bench.Load.Clients.WebSockets;
using Bench.Load.Recording;

namespace Bench.Load.Clients;

/// <summary>
/// One WebSocket device: its connection, its in-flight sends, and the replies its connection's receive loop hands
/// over (an idle device holds no receive buffer; see <see cref="WebSocketConnection"/>). Every reading carries
/// <c>vibrationField</c> (<see cref="TelemetryPayload.VibrationField"/>, shared by all devices, empty for none).
/// </summary>
internal sealed class WebSocketDevice(int index, byte[] utf8Id, WebSocketConnection connection, int inFlight, ISendObserver observer, byte[] vibrationField)
    : IWebSocketHandler
{
    private readonly InFlightWindow _window = new(inFlight);
    private long _seq;
    private int _closed;

    public void StartReceiving() => connection.Start(this);

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

    public Task CloseAsync(CancellationToken cancellationToken) => connection.CloseAsync(cancellationToken);

    /// <summary>Runs on the connection's receive loop: must not block.</summary>
    public void OnMessage(ReadOnlySpan<byte> payload) => Complete(AckReader.Read(payload, out long seq), seq);

    public void OnClosed()
    {
        Volatile.Write(ref _closed, 1);
        while (_window.TryTakeOldest(out long intended, out _))
        {
            observer.Failed(index, intended, ErrorKind.ConnectionLost);
        }

        observer.Disconnected();
    }

    private async Task SendAsync(long seq, long intended)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(TelemetryPayload.MaxLength + vibrationField.Length);
        try
        {
            int length = TelemetryPayload.Write(buffer, utf8Id, seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), vibrationField);
            await connection.SendTextAsync(buffer.AsMemory(0, length));
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
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
