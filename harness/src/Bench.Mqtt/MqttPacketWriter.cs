using System.Buffers.Binary;
using System.Text;

namespace Bench.Mqtt;

/// <summary>
/// Encodes the packets a client sends (MQTT 3.1.1 §3). Each packet has a <c>Get…Length</c> method giving the exact
/// size so callers can rent one buffer, and a <c>Write…</c> method that fills it and returns the bytes written.
/// </summary>
public static class MqttPacketWriter
{
    /// <summary>PINGREQ is always these two bytes (§3.12).</summary>
    public static ReadOnlySpan<byte> PingReq => [0xC0, 0x00];

    /// <summary>DISCONNECT is always these two bytes (§3.14).</summary>
    public static ReadOnlySpan<byte> Disconnect => [0xE0, 0x00];

    /// <summary>PUBACK is always four bytes (§3.4).</summary>
    public const int PubAckLength = 4;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Variable header of CONNECT: protocol name "MQTT" and level 4 = 3.1.1 (§3.1.2.1-2).
    private static ReadOnlySpan<byte> ConnectProtocol => [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04];

    public static int GetConnectLength(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PacketLength(ConnectProtocol.Length + 1 + 2 + StringLength(options.ClientId));
    }

    /// <summary>Writes CONNECT without will, user name or password.</summary>
    public static int WriteConnect(Span<byte> destination, MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var remaining = ConnectProtocol.Length + 1 + 2 + StringLength(options.ClientId);
        var offset = WriteFixedHeader(destination, 0x10, remaining);
        ConnectProtocol.CopyTo(destination[offset..]);
        offset += ConnectProtocol.Length;
        destination[offset++] = options.CleanSession ? (byte)0x02 : (byte)0x00;
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], options.KeepAliveSeconds);
        offset += 2;
        return offset + WriteString(destination[offset..], options.ClientId);
    }

    public static int GetSubscribeLength(string topicFilter) => PacketLength(2 + StringLength(topicFilter) + 1);

    /// <summary>Writes a SUBSCRIBE for one filter; the filter is validated (§4.7).</summary>
    public static int WriteSubscribe(Span<byte> destination, ushort packetId, string topicFilter, MqttQos qos)
    {
        MqttTopic.ValidateFilter(topicFilter);
        ValidatePacketId(packetId);
        var offset = WriteFixedHeader(destination, 0x82, 2 + StringLength(topicFilter) + 1);
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], packetId);
        offset += 2;
        offset += WriteString(destination[offset..], topicFilter);
        destination[offset++] = (byte)qos;
        return offset;
    }

    /// <summary>Exact size of a PUBLISH; <paramref name="utf8TopicLength"/> is the topic's UTF-8 byte count.</summary>
    public static int GetPublishLength(int utf8TopicLength, int payloadLength, MqttQos qos) =>
        PacketLength(PublishRemainingLength(utf8TopicLength, payloadLength, qos));

    /// <summary>Writes a PUBLISH, encoding <paramref name="topic"/> in place. <paramref name="packetId"/> is ignored
    /// for QoS 0. The topic is not checked for wildcards here (<see cref="MqttTopic.ValidateName"/> does that).</summary>
    public static int WritePublish(
        Span<byte> destination, string topic, ReadOnlySpan<byte> payload, MqttQos qos, ushort packetId)
    {
        var topicLength = GetUtf8Length(topic);
        var offset = WritePublishStart(destination, topicLength, payload.Length, qos, packetId);
        offset += Utf8.GetBytes(topic, destination[offset..]);
        return WritePublishEnd(destination, offset, payload, qos, packetId);
    }

    /// <summary>
    /// Writes a PUBLISH to a topic already encoded as UTF-8, so that callers publishing to the same topic repeatedly
    /// encode it once. <paramref name="packetId"/> is ignored for QoS 0.
    /// </summary>
    public static int WritePublish(
        Span<byte> destination, ReadOnlySpan<byte> utf8Topic, ReadOnlySpan<byte> payload, MqttQos qos, ushort packetId)
    {
        var offset = WritePublishStart(destination, utf8Topic.Length, payload.Length, qos, packetId);
        utf8Topic.CopyTo(destination[offset..]);
        return WritePublishEnd(destination, offset + utf8Topic.Length, payload, qos, packetId);
    }

    public static int WritePubAck(Span<byte> destination, ushort packetId)
    {
        ValidatePacketId(packetId);
        var offset = WriteFixedHeader(destination, 0x40, 2);
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], packetId);
        return offset + 2;
    }

    /// <summary>UTF-8 byte count of <paramref name="value"/>, checked against the 65,535-byte string limit.</summary>
    public static int GetUtf8Length(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Utf8.GetByteCount(value);
        return length <= MqttTopic.MaxUtf8Length
            ? length
            : throw new ArgumentException($"MQTT strings are at most {MqttTopic.MaxUtf8Length} UTF-8 bytes", nameof(value));
    }

    private static int WritePublishStart(
        Span<byte> destination, int topicLength, int payloadLength, MqttQos qos, ushort packetId)
    {
        if (topicLength is 0 or > MqttTopic.MaxUtf8Length)
            throw new ArgumentException("topic must be 1..65535 UTF-8 bytes", nameof(topicLength));
        if (qos != MqttQos.AtMostOnce)
            ValidatePacketId(packetId);
        var remaining = PublishRemainingLength(topicLength, payloadLength, qos);
        var offset = WriteFixedHeader(destination, (byte)(0x30 | ((byte)qos << 1)), remaining);
        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)topicLength);
        return offset + 2;
    }

    private static int WritePublishEnd(Span<byte> destination, int offset, ReadOnlySpan<byte> payload, MqttQos qos, ushort packetId)
    {
        if (qos != MqttQos.AtMostOnce)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], packetId);
            offset += 2;
        }
        payload.CopyTo(destination[offset..]);
        return offset + payload.Length;
    }

    private static int PublishRemainingLength(int utf8TopicLength, int payloadLength, MqttQos qos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        var idLength = qos == MqttQos.AtMostOnce ? 0 : 2;
        var remaining = 2L + utf8TopicLength + idLength + payloadLength;
        return remaining <= MqttVariableByteInteger.MaxValue
            ? (int)remaining
            : throw new ArgumentException($"PUBLISH of {remaining} bytes exceeds the MQTT maximum", nameof(payloadLength));
    }

    private static int PacketLength(int remaining) => 1 + MqttVariableByteInteger.GetLength(remaining) + remaining;

    private static int StringLength(string value) => 2 + GetUtf8Length(value);

    private static int WriteFixedHeader(Span<byte> destination, byte firstByte, int remaining)
    {
        var needed = PacketLength(remaining);
        if (destination.Length < needed)
            throw new ArgumentException($"packet needs {needed} bytes, destination has {destination.Length}", nameof(destination));
        destination[0] = firstByte;
        return 1 + MqttVariableByteInteger.Write(destination[1..], remaining);
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var length = Utf8.GetBytes(value, destination[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)length);
        return 2 + length;
    }

    private static void ValidatePacketId(ushort packetId)
    {
        if (packetId == 0)
            throw new ArgumentOutOfRangeException(nameof(packetId), "packet identifiers are non-zero (§2.3.1)");
    }
}
