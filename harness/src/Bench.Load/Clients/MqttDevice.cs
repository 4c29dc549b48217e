using System.Buffers;
using System.Diagnostics;
using Bench.Load.Engine;
using Bench.Load.Recording;
using Bench.Mqtt;

namespace Bench.Load.Clients;

/// <summary>One MQTT device: its client, topics, sequence numbers and the sends waiting for their ack.</summary>
internal sealed class MqttDevice
{
    private readonly int _index;
    private readonly byte[] _utf8Id;
    private readonly MqttQos _qos;
    private readonly InFlightWindow _window;
    private readonly ISendObserver _observer;
    private readonly byte[] _vibration;
    private MqttClient? _client;
    private long _seq;

    /// <summary>
    /// Device <paramref name="index"/> with client id <paramref name="id"/>: it publishes at <paramref name="qos"/>, keeps up to
    /// <paramref name="inFlight"/> sends waiting and reports them to <paramref name="observer"/>. Every reading carries
    /// <paramref name="vibrationField"/> (shared by all devices, never written to); <paramref name="reply"/> says what answers
    /// a send: the ack, or the pipeline's analysis result (both carry the send's seq).
    /// </summary>
    public MqttDevice(int index, string id, MqttQos qos, int inFlight, ISendObserver observer, byte[] vibrationField, MqttReply reply)
    {
        _index = index;
        _utf8Id = TelemetryPayload.Utf8(id);
        _qos = qos;
        _window = new InFlightWindow(inFlight);
        _observer = observer;
        _vibration = vibrationField;
        TelemetryTopic = $"devices/{id}/telemetry";
        AckTopic = reply == MqttReply.Analysis ? $"devices/{id}/analysis" : $"devices/{id}/ack";
        ErrorTopic = $"devices/{id}/error";
    }

    public string TelemetryTopic { get; }

    /// <summary>Where the reply that completes a send arrives: <c>devices/{id}/ack</c>, or <c>devices/{id}/analysis</c>.</summary>
    public string AckTopic { get; }

    public string ErrorTopic { get; }

    public void Attach(MqttClient client)
    {
        _client = client;
        _ = WatchAsync(client);
    }

    public SendStart TrySend(long intended)
    {
        if (_client is not { State: MqttConnectionState.Connected } client)
        {
            return SendStart.Disconnected;
        }

        long seq = Interlocked.Increment(ref _seq);
        if (!_window.TryAdd(seq, intended, Stopwatch.GetTimestamp()))
        {
            return SendStart.Busy;
        }

        _ = PublishAsync(client, seq, intended);
        return SendStart.Started;
    }

    /// <summary>Runs on the client's receive loop: must not block.</summary>
    public void OnMessage(string topic, ReadOnlySpan<byte> payload)
    {
        long answeredAt = Stopwatch.GetTimestamp();
        if (topic == AckTopic)
        {
            if (AckReader.Read(payload, out long seq) != AckKind.Ack)
            {
                // A reply without a usable seq cannot be matched; the send it answers times out.
                return;
            }

            if (_window.TryTake(seq, out long intended, out long sentAt))
            {
                _observer.Acked(_index, intended, sentAt, answeredAt);
            }
        }
        else if (topic == ErrorTopic && _window.TryTakeOldest(out long intended, out _))
        {
            // Error replies carry no seq (contract §6); the backend answers a device's messages in order.
            _observer.Failed(_index, intended, ErrorKind.Rejected);
        }
    }

    public void Expire(long sentBefore)
    {
        while (_window.TryTakeSentBefore(sentBefore, out long intended, out _))
        {
            _observer.Failed(_index, intended, ErrorKind.Timeout);
        }
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client is { } client)
        {
            await client.DisconnectAsync(cancellationToken);
            await client.DisposeAsync();
        }
    }

    private async Task PublishAsync(MqttClient client, long seq, long intended)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(TelemetryPayload.MaxLength + _vibration.Length);
        try
        {
            int length = TelemetryPayload.Write(buffer, _utf8Id, seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _vibration);
            await client.PublishAsync(TelemetryTopic, buffer.AsMemory(0, length), _qos, CancellationToken.None);
        }
        catch (Exception e)
        {
            if (_window.TryTake(seq, out _, out _))
            {
                _observer.Failed(_index, intended, ErrorClassifier.OfSend(e));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WatchAsync(MqttClient client)
    {
        try
        {
            await client.Completion;
        }
        catch (Exception)
        {
            // A lost connection; what is in flight fails below.
        }

        while (_window.TryTakeOldest(out long intended, out _))
        {
            _observer.Failed(_index, intended, ErrorKind.ConnectionLost);
        }

        _observer.Disconnected();
    }
}
