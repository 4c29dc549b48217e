namespace Bench.Harness.Workloads;

/// <summary>The <c>ladder</c> section: a geometric sequence of arrival rates.</summary>
internal sealed class LadderDefinition
{
    public double? StartRate { get; set; }

    public double? Growth { get; set; }

    public double? MaxRate { get; set; }
}
