namespace Bench.Load.Monitoring;

/// <summary>Whether the load generator, rather than the backend, may have limited a run, and why.</summary>
public sealed record SaturationVerdict(bool IsSaturated, string? Reason)
{
    public static SaturationVerdict NotSaturated { get; } = new(false, null);
}
