using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Bench.Backend.Telemetry;

namespace Bench.Backend.Mqtt;

/// <summary>
/// What the backend publishes back for one telemetry message (contract §6): <c>{"seq":n}</c> to
/// <c>devices/{id}/ack</c>, or <c>{"error":"…"}</c> to <c>devices/{id}/error</c>.
/// </summary>
/// <param name="Topic">Where to publish.</param>
/// <param name="Payload">The body; rented from <see cref="ArrayPool{T}.Shared"/> when <paramref name="Pooled"/>.</param>
/// <param name="Length">Bytes of <paramref name="Payload"/> in use.</param>
/// <param name="Pooled">Whether <see cref="Release"/> must return <paramref name="Payload"/> to the pool.</param>
internal readonly record struct MqttReply(string Topic, byte[] Payload, int Length, bool Pooled)
{
    // The rules produce a small, fixed set of messages, so each error body is encoded once.
    private static readonly ConcurrentDictionary<string, byte[]> ErrorBodies = new(StringComparer.Ordinal);

    public ReadOnlyMemory<byte> Body => Payload.AsMemory(0, Length);

    public static MqttReply For(string deviceId, in TelemetryResult result)
    {
        if (result is { Accepted: true, Seq: { } seq })
            return Ack(deviceId, seq);
        var body = ErrorBodies.GetOrAdd(result.Error ?? "invalid reading", EncodeError);
        return new MqttReply($"devices/{deviceId}/error", body, body.Length, Pooled: false);
    }

    public void Release()
    {
        if (Pooled)
            ArrayPool<byte>.Shared.Return(Payload);
    }

    private static MqttReply Ack(string deviceId, long seq)
    {
        // {"seq": + at most 16 digits (2^53-1) + }
        var buffer = ArrayPool<byte>.Shared.Rent(32);
        "{\"seq\":"u8.CopyTo(buffer);
        Utf8Formatter.TryFormat(seq, buffer.AsSpan(7), out var digits);
        buffer[7 + digits] = (byte)'}';
        return new MqttReply($"devices/{deviceId}/ack", buffer, 8 + digits, Pooled: true);
    }

    private static byte[] EncodeError(string error)
    {
        var escaped = Encoding.UTF8.GetString(JsonEncodedText.Encode(error).EncodedUtf8Bytes);
        return Encoding.UTF8.GetBytes($"{{\"error\":\"{escaped}\"}}");
    }
}
