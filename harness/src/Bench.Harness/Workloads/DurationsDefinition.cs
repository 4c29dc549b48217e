namespace Bench.Harness.Workloads;

/// <summary>The profile's <c>durations</c> section.</summary>
internal sealed class DurationsDefinition
{
    public string? Warmup { get; set; }

    public string? Measure { get; set; }

    public string? LadderStep { get; set; }
}
