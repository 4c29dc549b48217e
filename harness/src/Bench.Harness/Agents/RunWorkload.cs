namespace Bench.Harness.Agents;

/// <summary>The workloads <c>bench run</c> drives, by their command-line names.</summary>
internal enum RunWorkload
{
    /// <summary><c>http-ingest</c>: telemetry POSTs over a bounded keep-alive pool.</summary>
    HttpIngest,

    /// <summary><c>ws-fleet</c>: one WebSocket per device, telemetry frames acked by the backend.</summary>
    WsFleet,

    /// <summary><c>mqtt-fleet</c>: one MQTT connection per device through a broker, acked on devices/{id}/ack.</summary>
    MqttFleet,

    /// <summary><c>cpu-jobs</c>: analyze requests, the CPU-bound sensor job.</summary>
    CpuJobs,
}
