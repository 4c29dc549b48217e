using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Bench.Load.Clients;

/// <summary>
/// Writes contract telemetry readings (workloads/contract §2) straight into a byte buffer: no strings, no JSON
/// writer, so a send costs a copy of ~110 bytes. The readings vary with the sequence number, within range.
/// </summary>
public static class TelemetryPayload
{
    /// <summary>Enough for any reading without vibration this writer produces with a device id of up to 64 characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The contract's bound on a reading's vibration array (§2).</summary>
    public const int MaxVibrationSamples = 1024;

    private static ReadOnlySpan<byte> DeviceIdField => "{\"deviceId\":\""u8;

    private static ReadOnlySpan<byte> SeqField => "\",\"seq\":"u8;

    private static ReadOnlySpan<byte> TsField => ",\"ts\":"u8;

    private static ReadOnlySpan<byte> TemperatureField => ",\"temperature\":"u8;

    private static ReadOnlySpan<byte> Tail => ",\"humidity\":40.25,\"battery\":88.0}"u8;

    /// <summary>Writes one reading without vibration and returns its length.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> utf8DeviceId, long seq, long unixMilliseconds) =>
        Write(destination, utf8DeviceId, seq, unixMilliseconds, []);

    /// <summary>
    /// Writes one reading carrying <paramref name="vibrationField"/> (from <see cref="VibrationField"/>, or empty for
    /// none) and returns its length; <paramref name="destination"/> needs <see cref="MaxLength"/> plus the field's length.
    /// </summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> utf8DeviceId, long seq, long unixMilliseconds, ReadOnlySpan<byte> vibrationField)
    {
        var writer = new SpanWriter(destination);
        writer.Append(DeviceIdField);
        writer.Append(utf8DeviceId);
        writer.Append(SeqField);
        writer.Append(seq);
        writer.Append(TsField);
        writer.Append(unixMilliseconds);
        writer.Append(TemperatureField);
        // 18.0 .. 24.3 in steps of 0.1, written as a whole part and one decimal.
        long tenths = 180 + (seq % 64);
        writer.Append(tenths / 10);
        writer.Append("."u8);
        writer.Append(tenths % 10);
        writer.Append(vibrationField);
        writer.Append(Tail);
        return writer.Written;
    }

    public static byte[] Utf8(string deviceId) => Encoding.UTF8.GetBytes(deviceId);

    /// <summary>
    /// <c>,"vibration":[…]</c> with <paramref name="samples"/> numbers (empty for 0): a 25 Hz tone sampled at 1 kHz with
    /// amplitude 0.5 and three decimals, the same for every reading, so a send copies it instead of formatting numbers.
    /// </summary>
    public static byte[] VibrationField(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, MaxVibrationSamples);
        if (samples == 0)
        {
            return [];
        }

        var text = new StringBuilder(",\"vibration\":[", 16 + (samples * 7));
        for (int i = 0; i < samples; i++)
        {
            double value = Math.Round(0.5 * Math.Sin(2 * Math.PI * 25 * i / 1000.0), 3);
            text.Append(i == 0 ? "" : ",").Append(value.ToString("0.###", CultureInfo.InvariantCulture));
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    private ref struct SpanWriter(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Written { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_destination[Written..]);
            Written += bytes.Length;
        }

        public void Append(long value)
        {
            if (!Utf8Formatter.TryFormat(value, _destination[Written..], out int written))
            {
                throw new ArgumentException("The destination is too small for a telemetry reading.", nameof(destination));
            }

            Written += written;
        }
    }
}
