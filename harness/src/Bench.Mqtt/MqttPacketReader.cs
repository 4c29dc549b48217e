using System.Buffers.Binary;

namespace Bench.Mqtt;

/// <summary>
/// Frames and decodes the packets a client receives (MQTT 3.1.1 §2–3). Every method reads only inside the span it is
/// given and throws <see cref="MqttProtocolException"/> on malformed input.
/// </summary>
public static class MqttPacketReader
{
    /// <summary>
    /// Frames one packet from the start of <paramref name="buffer"/>. Returns false when the buffer holds only part of
    /// it; <paramref name="requiredLength"/> is then the total length when the header is complete, or 0 when not yet
    /// known. Throws when the fixed header is malformed or the packet exceeds <paramref name="maxPacketSize"/>.
    /// </summary>
    public static bool TryReadPacket(
        ReadOnlySpan<byte> buffer, int maxPacketSize, out MqttPacket packet, out int requiredLength)
    {
        packet = default;
        requiredLength = 0;
        if (buffer.IsEmpty)
            return false;
        var type = (MqttPacketType)(buffer[0] >> 4);
        var flags = (byte)(buffer[0] & 0x0F);
        ValidateFlags(type, flags);
        if (!MqttVariableByteInteger.TryRead(buffer[1..], out var remaining, out var lengthBytes))
            return false;
        var headerLength = 1 + lengthBytes;
        if (remaining > maxPacketSize - headerLength)
            throw new MqttProtocolException($"{type} packet of {headerLength + remaining} bytes exceeds the limit of {maxPacketSize}.");
        requiredLength = headerLength + remaining;
        if (buffer.Length < requiredLength)
            return false;
        packet = new MqttPacket(type, flags, buffer.Slice(headerLength, remaining), requiredLength);
        return true;
    }

    /// <summary>Decodes a CONNACK body (§3.2).</summary>
    public static MqttConnAck ReadConnAck(in MqttPacket packet)
    {
        Expect(packet, MqttPacketType.ConnAck);
        var body = packet.Body;
        if (body.Length != 2)
            throw new MqttProtocolException($"CONNACK must have a Remaining Length of 2, got {body.Length}.");
        if ((body[0] & 0xFE) != 0)
            throw new MqttProtocolException("CONNACK acknowledge flags 7-1 are reserved and must be 0.");
        return new MqttConnAck((body[0] & 1) != 0, (MqttConnectReturnCode)body[1]);
    }

    /// <summary>Decodes a SUBACK body (§3.9).</summary>
    public static MqttSubAck ReadSubAck(in MqttPacket packet)
    {
        Expect(packet, MqttPacketType.SubAck);
        var body = packet.Body;
        if (body.Length < 3)
            throw new MqttProtocolException("SUBACK must carry a packet identifier and at least one return code.");
        foreach (var code in body[2..])
        {
            if (code > 2 && code != MqttSubAck.Failure)
                throw new MqttProtocolException($"SUBACK return code 0x{code:X2} is reserved.");
        }
        return new MqttSubAck(ReadPacketIdentifier(body), body[2..]);
    }

    /// <summary>Decodes the packet identifier of a PUBACK (§3.4); a longer body (MQTT 5 reason code) is accepted.</summary>
    public static ushort ReadPubAck(in MqttPacket packet)
    {
        Expect(packet, MqttPacketType.PubAck);
        if (packet.Body.Length < 2)
            throw new MqttProtocolException("PUBACK must carry a packet identifier.");
        return ReadPacketIdentifier(packet.Body);
    }

    /// <summary>Checks a PINGRESP (§3.13), which has no body.</summary>
    public static void ReadPingResp(in MqttPacket packet)
    {
        Expect(packet, MqttPacketType.PingResp);
        if (!packet.Body.IsEmpty)
            throw new MqttProtocolException("PINGRESP must have a Remaining Length of 0.");
    }

    /// <summary>Decodes a PUBLISH (§3.3): topic, packet identifier when QoS > 0, payload.</summary>
    public static MqttPublishPacket ReadPublish(in MqttPacket packet)
    {
        Expect(packet, MqttPacketType.Publish);
        var body = packet.Body;
        var qos = (MqttQos)((packet.Flags >> 1) & 0x03);
        if (body.Length < 2)
            throw new MqttProtocolException("PUBLISH is too short for its topic length.");
        var topicLength = BinaryPrimitives.ReadUInt16BigEndian(body);
        var offset = 2 + topicLength;
        if (topicLength == 0 || body.Length < offset)
            throw new MqttProtocolException("PUBLISH topic is empty or runs past the end of the packet.");
        var topic = body.Slice(2, topicLength);
        ushort packetId = 0;
        if (qos != MqttQos.AtMostOnce)
        {
            if (body.Length < offset + 2)
                throw new MqttProtocolException("PUBLISH with QoS > 0 must carry a packet identifier.");
            packetId = ReadPacketIdentifier(body[offset..]);
            offset += 2;
        }
        var retain = (packet.Flags & 0x01) != 0;
        var duplicate = (packet.Flags & 0x08) != 0;
        return new MqttPublishPacket(topic, body[offset..], qos, packetId, retain, duplicate);
    }

    private static void ValidateFlags(MqttPacketType type, byte flags)
    {
        switch (type)
        {
            case MqttPacketType.Publish:
                // QoS 3 is reserved (§3.3.1.2).
                if ((flags & 0x06) == 0x06)
                    throw new MqttProtocolException("PUBLISH with QoS 3 is malformed.");
                break;
            case MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe:
                if (flags != 0x02)
                    throw new MqttProtocolException($"{type} must have fixed header flags 0010.");
                break;
            case >= MqttPacketType.Connect and <= MqttPacketType.Disconnect:
                if (flags != 0)
                    throw new MqttProtocolException($"{type} must have fixed header flags 0000.");
                break;
            default:
                throw new MqttProtocolException($"Packet type {(byte)type} is reserved in MQTT 3.1.1.");
        }
    }

    private static ushort ReadPacketIdentifier(ReadOnlySpan<byte> source)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(source);
        return id != 0 ? id : throw new MqttProtocolException("Packet identifier 0 is not allowed (§2.3.1).");
    }

    private static void Expect(in MqttPacket packet, MqttPacketType type)
    {
        if (packet.Type != type)
            throw new ArgumentException($"expected a {type} packet, got {packet.Type}", nameof(packet));
    }
}
