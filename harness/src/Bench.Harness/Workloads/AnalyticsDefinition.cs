namespace Bench.Harness.Workloads;

/// <summary>The <c>analytics</c> section (pipeline): devices whose readings carry vibration samples, so each becomes an analytics job.</summary>
internal sealed class AnalyticsDefinition
{
    public int? Devices { get; set; }

    public string? SendInterval { get; set; }

    public int? VibrationSamples { get; set; }

    public string? ResultTimeout { get; set; }
}
