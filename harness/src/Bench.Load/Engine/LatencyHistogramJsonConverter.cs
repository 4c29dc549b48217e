using System.Text.Json;
using System.Text.Json.Serialization;
using Bench.Load.Recording;

namespace Bench.Load.Engine;

/// <summary>Writes a histogram in its compact exchange form: HdrHistogram V2 compressed, base64 (methodology §2.6).</summary>
public sealed class LatencyHistogramJsonConverter : JsonConverter<LatencyHistogram>
{
    public override LatencyHistogram? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        HistogramEncoding.DecodeCompressed(reader.GetBytesFromBase64());

    public override void Write(Utf8JsonWriter writer, LatencyHistogram value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBase64StringValue(HistogramEncoding.EncodeCompressed(value));
    }
}
