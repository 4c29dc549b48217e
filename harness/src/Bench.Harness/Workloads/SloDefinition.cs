namespace Bench.Harness.Workloads;

/// <summary>The profile's <c>slo</c> section.</summary>
internal sealed class SloDefinition
{
    public double? P99Ms { get; set; }

    public double? MaxErrorPercent { get; set; }
}
