namespace Bench.Mqtt;

/// <summary>A decoded SUBACK (MQTT 3.1.1 §3.9); <see cref="ReturnCodes"/> borrows the receive buffer.</summary>
public readonly ref struct MqttSubAck(ushort packetId, ReadOnlySpan<byte> returnCodes)
{
    /// <summary>The return code that means the subscription was refused.</summary>
    public const byte Failure = 0x80;

    public ushort PacketId { get; } = packetId;

    /// <summary>One granted QoS (0, 1, 2) or <see cref="Failure"/> per filter of the SUBSCRIBE, in order.</summary>
    public ReadOnlySpan<byte> ReturnCodes { get; } = returnCodes;
}
