namespace Bench.Harness.Workloads;

/// <summary>The <c>fleet</c> section: persistent devices and their schedule.</summary>
internal sealed class FleetDefinition
{
    public string? SendInterval { get; set; }

    public double? ConnectRate { get; set; }

    public string? ConnectTimeout { get; set; }

    public string? AckTimeout { get; set; }
}
