using System.Text.Json.Serialization;
using Bench.Backend.Analyze;
using Bench.Backend.Endpoints;
using Bench.Backend.Http;
using Bench.Backend.Stats;
using Bench.Backend.Telemetry;
using Bench.Backend.WebSockets;

namespace Bench.Backend.Json;

/// <summary>
/// Source-generated serialization for every response body: no reflection at run time. Null values are written
/// (<c>"field": null</c> is part of the contract).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(TelemetryAccepted))]
[JsonSerializable(typeof(DeviceSnapshot))]
[JsonSerializable(typeof(StatsSnapshot))]
[JsonSerializable(typeof(AnalyzeResult))]
[JsonSerializable(typeof(SocketErrorFrame))]
internal sealed partial class BackendJsonContext : JsonSerializerContext;
