using System.Text.Json.Serialization;

namespace Bench.Load.Engine;

/// <summary>What each send asks of the backend.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LoadOperation>))]
public enum LoadOperation
{
    /// <summary>A telemetry reading (POST /telemetry, a WebSocket frame or an MQTT publish).</summary>
    Telemetry,

    /// <summary>The CPU-bound sensor job (POST /jobs/analyze), HTTP only.</summary>
    Analyze,
}
