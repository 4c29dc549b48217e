namespace Bench.Backend.Telemetry;

/// <summary>How a telemetry reading arrived; MQTT readings are also counted as MQTT messages.</summary>
internal enum Transport
{
    Http,
    WebSocket,
    Mqtt,
}
