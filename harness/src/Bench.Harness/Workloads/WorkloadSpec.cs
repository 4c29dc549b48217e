namespace Bench.Harness.Workloads;

/// <summary>A validated workload. Sections the kind does not use are null.</summary>
/// <param name="Name">The file name without extension (for example <c>ws-fleet</c>).</param>
/// <param name="Kind">What it drives; decides which sections are set.</param>
/// <param name="Description">One line for reports.</param>
/// <param name="SourceFile">The file it came from, relative to the repository root.</param>
/// <param name="Telemetry">The readings sent (fleet and ladder kinds).</param>
/// <param name="Http">The HTTP sender (http-ingest).</param>
/// <param name="Ladder">The arrival rates (http-ingest).</param>
/// <param name="Fleet">Persistent devices (ws-fleet, mqtt-fleet, mixed).</param>
/// <param name="Mqtt">MQTT sessions (mqtt-fleet).</param>
/// <param name="Jobs">Analyze jobs (cpu-jobs, mixed).</param>
internal sealed record WorkloadSpec(
    string Name,
    WorkloadKind Kind,
    string Description,
    string SourceFile,
    TelemetrySpec Telemetry,
    HttpSpec? Http,
    RateLadderSpec? Ladder,
    FleetSpec? Fleet,
    MqttSpec? Mqtt,
    JobMixSpec? Jobs)
{
    /// <summary>False for workloads whose load does not depend on the device count (cpu-jobs): they run once per trial, at the profile's first scale.</summary>
    public bool ScalesWithDevices => Kind != WorkloadKind.CpuJobs;
}
