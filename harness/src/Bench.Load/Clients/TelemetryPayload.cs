using System.Buffers.Text;
using System.Text;

namespace Bench.Load.Clients;

/// <summary>
/// Writes contract telemetry readings (workloads/contract §2) straight into a byte buffer: no strings, no JSON
/// writer, so a send costs a copy of ~110 bytes. The readings vary with the sequence number, within range.
/// </summary>
public static class TelemetryPayload
{
    /// <summary>Enough for any reading this writer produces with a device id of up to 64 characters.</summary>
    public const int MaxLength = 256;

    private static ReadOnlySpan<byte> DeviceIdField => "{\"deviceId\":\""u8;

    private static ReadOnlySpan<byte> SeqField => "\",\"seq\":"u8;

    private static ReadOnlySpan<byte> TsField => ",\"ts\":"u8;

    private static ReadOnlySpan<byte> TemperatureField => ",\"temperature\":"u8;

    private static ReadOnlySpan<byte> Tail => ",\"humidity\":40.25,\"battery\":88.0}"u8;

    /// <summary>Writes one reading and returns its length.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> utf8DeviceId, long seq, long unixMilliseconds)
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
        writer.Append(Tail);
        return writer.Written;
    }

    public static byte[] Utf8(string deviceId) => Encoding.UTF8.GetBytes(deviceId);

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
