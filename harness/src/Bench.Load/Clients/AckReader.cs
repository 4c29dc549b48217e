using System.Text.Json;

namespace Bench.Load.Clients;

/// <summary>Reads the backend's replies: <c>{"type":"ack","seq":n}</c> and <c>{"type":"error",…,"seq":n|null}</c>
/// on WebSocket (contract §5), <c>{"seq":n}</c> on MQTT (contract §6).</summary>
public static class AckReader
{
    /// <summary>The reply's kind and sequence number; <paramref name="seq"/> is −1 when it has none.</summary>
    public static AckKind Read(ReadOnlySpan<byte> json, out long seq)
    {
        seq = -1;
        var kind = AckKind.Ack;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return AckKind.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("seq"u8))
                {
                    reader.Read();
                    seq = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) ? value : -1;
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    kind = reader.ValueTextEquals("ack"u8) ? AckKind.Ack : AckKind.Error;
                }
                else
                {
                    reader.Read();
                    reader.TrySkip();
                }
            }
        }
        catch (JsonException)
        {
            return AckKind.Malformed;
        }

        return kind == AckKind.Ack && seq < 0 ? AckKind.Malformed : kind;
    }
}
