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
/// <remarks>The pipeline kind also sets <see cref="Analytics"/>.</remarks>
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

    /// <summary>The analytics load (pipeline); null for other kinds.</summary>
    public AnalyticsSpec? Analytics { get; init; }

    /// <summary>True when the devices reach the backend through a broker the harness starts (unless the backend is its own broker).</summary>
    public bool UsesBroker => Kind is WorkloadKind.MqttFleet or WorkloadKind.Pipeline;

    /// <summary>The backend feature this workload needs (workloads/backends.yaml <c>features:</c>), or null when every backend can run it.</summary>
    public string? RequiredFeature => Kind == WorkloadKind.Pipeline ? AnalyticsSpec.Feature : null;
}
