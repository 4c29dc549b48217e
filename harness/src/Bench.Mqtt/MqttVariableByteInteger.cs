namespace Bench.Mqtt;

/// <summary>
/// The Remaining Length encoding (MQTT 3.1.1 §2.2.3): 1 to 4 bytes of 7 bits each, least significant group first,
/// the top bit meaning "more bytes follow".
/// </summary>
public static class MqttVariableByteInteger
{
    /// <summary>The largest encodable value, 268,435,455 (four bytes of 0x7F).</summary>
    public const int MaxValue = 268_435_455;

    /// <summary>The longest encoding, in bytes.</summary>
    public const int MaxLength = 4;

    /// <summary>Bytes needed to encode <paramref name="value"/> in the minimum number of bytes.</summary>
    public static int GetLength(int value) => value switch
    {
        < 0 or > MaxValue => throw new ArgumentOutOfRangeException(nameof(value), value, $"must be 0..{MaxValue}"),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>Writes <paramref name="value"/> and returns the number of bytes written.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        var length = GetLength(value);
        if (destination.Length < length)
            throw new ArgumentException($"needs {length} bytes, got {destination.Length}", nameof(destination));
        var i = 0;
        do
        {
            var digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i++] = value > 0 ? (byte)(digit | 0x80) : digit;
        }
        while (value > 0);
        return i;
    }

    /// <summary>
    /// Reads a value from the start of <paramref name="source"/>. Returns false when more bytes are needed;
    /// throws <see cref="MqttProtocolException"/> when the encoding is longer than four bytes or not minimal.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int bytesRead)
    {
        value = 0;
        bytesRead = 0;
        var limit = Math.Min(source.Length, MaxLength);
        for (var i = 0; i < limit; i++)
        {
            var b = source[i];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) != 0)
                continue;
            // A final zero group after a continuation adds nothing: a non-minimal encoding (v5 [MQTT-1.5.5-1]).
            if (b == 0 && i > 0)
                throw new MqttProtocolException("Malformed Remaining Length: not encoded in the minimum number of bytes.");
            bytesRead = i + 1;
            return true;
        }
        if (source.Length >= MaxLength)
            throw new MqttProtocolException("Malformed Remaining Length: more than four bytes.");
        value = 0;
        return false;
    }
}
