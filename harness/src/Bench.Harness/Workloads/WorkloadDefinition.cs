namespace Bench.Harness.Workloads;

/// <summary>A workload file (workloads/NAME.yaml) as written; <see cref="WorkloadSpec"/> is the validated form. The file name is the workload's name.</summary>
internal sealed class WorkloadDefinition
{
    public string? Kind { get; set; }

    public string? Description { get; set; }

    public TelemetryDefinition? Telemetry { get; set; }

    public HttpDefinition? Http { get; set; }

    public LadderDefinition? Ladder { get; set; }

    public FleetDefinition? Fleet { get; set; }

    public MqttDefinition? Mqtt { get; set; }

    public JobsDefinition? Jobs { get; set; }

    public AnalyticsDefinition? Analytics { get; set; }
}
