using System.Text.Json.Serialization;

namespace Bench.Micro.HotPaths;

/// <summary>A telemetry reading (contract §2) as a plain record, for the System.Text.Json comparison points.</summary>
public sealed record TelemetryDocument(
    string DeviceId, long Seq, long Ts, double Temperature, double Humidity, double Battery, double[]? Vibration = null);

/// <summary>Source-generated metadata, as a production .NET service would use.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TelemetryDocument))]
internal sealed partial class MicroJsonContext : JsonSerializerContext;
