namespace Bench.Mqtt;

/// <summary>One complete control packet framed from a byte stream; <see cref="Body"/> borrows the caller's buffer.</summary>
public readonly ref struct MqttPacket(MqttPacketType type, byte flags, ReadOnlySpan<byte> body, int totalLength)
{
    /// <summary>The packet type from the fixed header.</summary>
    public MqttPacketType Type { get; } = type;

    /// <summary>The low nibble of the fixed header's first byte.</summary>
    public byte Flags { get; } = flags;

    /// <summary>The variable header and payload (Remaining Length bytes).</summary>
    public ReadOnlySpan<byte> Body { get; } = body;

    /// <summary>Fixed header plus body, in bytes: how far to advance in the stream.</summary>
    public int TotalLength { get; } = totalLength;
}
