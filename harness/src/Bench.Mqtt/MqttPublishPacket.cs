namespace Bench.Mqtt;

/// <summary>A decoded PUBLISH (MQTT 3.1.1 §3.3); the spans borrow the receive buffer.</summary>
public readonly ref struct MqttPublishPacket(
    ReadOnlySpan<byte> utf8Topic, ReadOnlySpan<byte> payload, MqttQos qos, ushort packetId, bool retain, bool duplicate)
{
    /// <summary>The topic name as UTF-8, without its length prefix.</summary>
    public ReadOnlySpan<byte> Utf8Topic { get; } = utf8Topic;

    public ReadOnlySpan<byte> Payload { get; } = payload;

    public MqttQos Qos { get; } = qos;

    /// <summary>The packet identifier; 0 for QoS 0, which carries none.</summary>
    public ushort PacketId { get; } = packetId;

    public bool Retain { get; } = retain;

    public bool Duplicate { get; } = duplicate;
}
