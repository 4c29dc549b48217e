namespace Bench.Harness.Workloads;

/// <summary>What a workload drives; each kind has its own driver and required sections.</summary>
internal enum WorkloadKind
{
    /// <summary><c>http-ingest</c>: an open-model rate ladder on POST /telemetry.</summary>
    HttpIngest,

    /// <summary><c>ws-fleet</c>: persistent WebSocket devices.</summary>
    WsFleet,

    /// <summary><c>mqtt-fleet</c>: persistent MQTT devices through the broker.</summary>
    MqttFleet,

    /// <summary><c>cpu-jobs</c>: analyze jobs at a fixed rate.</summary>
    CpuJobs,

    /// <summary><c>mixed</c>: WebSocket heartbeats with and without analyze jobs.</summary>
    Mixed,

    /// <summary><c>pipeline</c>: MQTT ingestion acks with and without analytics running behind the broker (backends with the <c>analysis</c> feature).</summary>
    Pipeline,
}
