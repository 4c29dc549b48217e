namespace Bench.Harness.Workloads;

/// <summary>The <c>telemetry</c> section: the shape of each reading sent.</summary>
internal sealed class TelemetryDefinition
{
    public int? VibrationSamples { get; set; }
}
