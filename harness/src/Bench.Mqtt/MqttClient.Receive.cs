using System.Buffers;
using System.Net.Sockets;
using System.Text;

namespace Bench.Mqtt;

public sealed partial class MqttClient
{
    private const int ReceiveBufferSize = 4096;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The last topic received, kept so that a device hearing on one topic (its ack topic) decodes it only once.
    private byte[]? _lastTopicUtf8;
    private string? _lastTopic;

    // Touched only by the receive loop.
    private bool _connAckReceived;

    // PUBACKs owed for QoS 1 messages framed in the current read, sent together once the read is processed.
    private byte[]? _pubAcks;
    private int _pubAckLength;

    private async Task ReceiveLoopAsync()
    {
        Exception? reason = null;
        byte[]? buffer = null;
        var count = 0;
        try
        {
            while (true)
            {
                if (count == 0)
                {
                    ReturnBuffer(ref buffer);
                    // A zero-byte read waits for data without holding a buffer: idle connections cost no receive memory.
                    await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                    buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
                }
                var read = await _socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None);
                if (read == 0)
                {
                    reason = new IOException("The broker closed the connection.");
                    break;
                }
                count = ProcessPackets(ref buffer!, count + read);
                await FlushPubAcksAsync();
            }
        }
        catch (Exception e)
        {
            reason = e;
        }
        finally
        {
            ReturnBuffer(ref buffer);
            ReturnBuffer(ref _pubAcks);
        }
        Close(reason);
    }

    /// <summary>Handles every complete packet in <paramref name="buffer"/> and returns the bytes of the partial one
    /// left at its start, growing the buffer when that packet is larger than it.</summary>
    private int ProcessPackets(ref byte[] buffer, int count)
    {
        var consumed = 0;
        while (true)
        {
            var unread = buffer.AsSpan(consumed, count - consumed);
            if (!MqttPacketReader.TryReadPacket(unread, _options.MaxIncomingPacketSize, out var packet, out var required))
            {
                if (required > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(required);
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
            Dispatch(packet);
            consumed += packet.TotalLength;
        }
    }

    private void Dispatch(in MqttPacket packet)
    {
        // CONNACK comes first and only once (§3.2).
        if ((packet.Type == MqttPacketType.ConnAck) == _connAckReceived)
            throw new MqttProtocolException($"Received {packet.Type} {(_connAckReceived ? "after" : "before")} CONNACK.");
        switch (packet.Type)
        {
            case MqttPacketType.ConnAck:
                _connAckReceived = true;
                _connAck?.TrySetResult(MqttPacketReader.ReadConnAck(packet));
                break;
            case MqttPacketType.Publish:
                OnPublish(MqttPacketReader.ReadPublish(packet));
                break;
            case MqttPacketType.PubAck:
                OnAcknowledged(MqttPacketReader.ReadPubAck(packet), null);
                break;
            case MqttPacketType.SubAck:
                var subAck = MqttPacketReader.ReadSubAck(packet);
                OnAcknowledged(subAck.PacketId, subAck.ReturnCodes[0]);
                break;
            case MqttPacketType.PingResp:
                MqttPacketReader.ReadPingResp(packet);
                Volatile.Write(ref _pingSentAt, 0);
                break;
            default:
                throw new MqttProtocolException($"A broker must not send {packet.Type} to a client using QoS 0 and 1.");
        }
    }

    private void OnPublish(in MqttPublishPacket publish)
    {
        if (publish.Qos > MqttQos.AtLeastOnce)
            throw new MqttProtocolException("Received a QoS 2 PUBLISH although no subscription asked for QoS 2.");
        _onMessage?.Invoke(DecodeTopic(publish.Utf8Topic), publish.Payload);
        if (publish.Qos == MqttQos.AtLeastOnce)
            QueuePubAck(publish.PacketId);
    }

    private void OnAcknowledged(ushort packetId, byte? subAckCode)
    {
        // An unknown identifier belongs to a publish or subscribe that was cancelled meanwhile.
        switch (_inFlight.Take(packetId), subAckCode)
        {
            case (null, _):
                break;
            case (PendingPublish publish, null):
                publish.TrySetResult();
                break;
            case (TaskCompletionSource<byte> subscribe, { } code):
                subscribe.TrySetResult(code);
                break;
            default:
                throw new MqttProtocolException($"Packet identifier {packetId} was acknowledged by the wrong packet type.");
        }
    }

    private string DecodeTopic(ReadOnlySpan<byte> utf8Topic)
    {
        if (_lastTopic is not null && utf8Topic.SequenceEqual(_lastTopicUtf8))
            return _lastTopic;
        string topic;
        try
        {
            topic = StrictUtf8.GetString(utf8Topic);
        }
        catch (DecoderFallbackException e)
        {
            throw new MqttProtocolException("PUBLISH topic is not valid UTF-8.", e);
        }
        _lastTopicUtf8 = utf8Topic.ToArray();
        _lastTopic = topic;
        return topic;
    }

    private void QueuePubAck(ushort packetId)
    {
        if (_pubAcks is null || _pubAckLength + MqttPacketWriter.PubAckLength > _pubAcks.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(64, _pubAckLength * 2));
            _pubAcks?.AsSpan(0, _pubAckLength).CopyTo(larger);
            ReturnBuffer(ref _pubAcks);
            _pubAcks = larger;
        }
        _pubAckLength += MqttPacketWriter.WritePubAck(_pubAcks.AsSpan(_pubAckLength), packetId);
    }

    private async ValueTask FlushPubAcksAsync()
    {
        if (_pubAckLength == 0)
            return;
        await SendAsync(_pubAcks.AsMemory(0, _pubAckLength), CancellationToken.None);
        _pubAckLength = 0;
        ReturnBuffer(ref _pubAcks);
    }

    private static void ReturnBuffer(ref byte[]? buffer)
    {
        if (buffer is null)
            return;
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = null;
    }
}
