using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Bench.Mqtt;

public sealed partial class MqttClient
{
    private static readonly byte[] DisconnectPacket = MqttPacketWriter.Disconnect.ToArray();
    private static readonly byte[] PingReqPacket = MqttPacketWriter.PingReq.ToArray();

    // Serialises writers (publishers, the receive loop's PUBACKs, keep-alive pings) so packets never interleave.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _lastSentAt = Environment.TickCount64;

    /// <summary>
    /// Publishes <paramref name="payload"/> to <paramref name="topic"/> (no wildcards). QoS 0 completes once the
    /// packet is written to the socket; QoS 1 completes when the broker's PUBACK arrives. Nothing is resent on a
    /// timer (methodology §7.3): when the connection is lost first, the publish fails with the reason.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask PublishAsync(
        string topic, ReadOnlyMemory<byte> payload, MqttQos qos, CancellationToken cancellationToken)
    {
        MqttTopic.ValidateName(topic);
        if (qos is not (MqttQos.AtMostOnce or MqttQos.AtLeastOnce))
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS 2 is not supported");
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfNotConnected();
        if (qos == MqttQos.AtMostOnce)
        {
            await SendPublishAsync(topic, payload, qos, 0, cancellationToken);
            return;
        }
        var pending = PendingPublish.Rent();
        var packetId = _inFlight.Add(pending);
        pending.Attach(_inFlight, packetId, cancellationToken);
        try
        {
            await SendPublishAsync(topic, payload, qos, packetId, cancellationToken);
        }
        catch (Exception e)
        {
            pending.Fail(e);
        }
        // Awaiting in every case returns the pooled instance; it rethrows a send failure or connection loss.
        await pending.AsValueTask();
    }

    /// <summary>
    /// Subscribes to one <paramref name="topicFilter"/> (wildcards and <c>$share/name/filter</c> allowed) and returns
    /// the QoS the broker granted. Throws <see cref="MqttSubscribeException"/> when the SUBACK says 0x80.
    /// </summary>
    public async Task<MqttQos> SubscribeAsync(string topicFilter, MqttQos qos, CancellationToken cancellationToken)
    {
        MqttTopic.ValidateFilter(topicFilter);
        if (qos is not (MqttQos.AtMostOnce or MqttQos.AtLeastOnce))
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS 2 is not supported");
        ThrowIfNotConnected();
        var subAck = new TaskCompletionSource<byte>(TaskCreationOptions.RunContinuationsAsynchronously);
        var packetId = _inFlight.Add(subAck);
        try
        {
            var buffer = ArrayPool<byte>.Shared.Rent(MqttPacketWriter.GetSubscribeLength(topicFilter));
            try
            {
                var length = MqttPacketWriter.WriteSubscribe(buffer, packetId, topicFilter, qos);
                await SendAsync(buffer.AsMemory(0, length), cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            var code = await subAck.Task.WaitAsync(cancellationToken);
            return code != MqttSubAck.Failure
                ? (MqttQos)code
                : throw new MqttSubscribeException($"The broker refused the subscription to '{topicFilter}'.") { TopicFilter = topicFilter };
        }
        finally
        {
            _inFlight.Remove(packetId, subAck);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendPublishAsync(
        string topic, ReadOnlyMemory<byte> payload, MqttQos qos, ushort packetId, CancellationToken cancellationToken)
    {
        var size = MqttPacketWriter.GetPublishLength(MqttPacketWriter.GetUtf8Length(topic), payload.Length, qos);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = MqttPacketWriter.WritePublish(buffer, topic, payload.Span, qos, packetId);
            await SendAsync(buffer.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes one whole packet. Cancellation applies only while waiting for the write lock: a packet
    /// abandoned half-written would corrupt the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            while (!packet.IsEmpty)
            {
                var sent = await _socket.SendAsync(packet, SocketFlags.None, CancellationToken.None);
                packet = packet[sent..];
            }
            Volatile.Write(ref _lastSentAt, Environment.TickCount64);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
