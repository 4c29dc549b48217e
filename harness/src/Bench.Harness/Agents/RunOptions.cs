namespace Bench.Harness.Agents;

/// <summary><c>bench run</c>'s options exactly as typed (null when absent); <see cref="RunSpecParser"/> turns them into a <see cref="RunSpec"/>.</summary>
internal sealed record RunOptions
{
    public string? Backend { get; init; }

    public string? Target { get; init; }

    public string? Broker { get; init; }

    public string? Workload { get; init; }

    public string? Devices { get; init; }

    public string? Rate { get; init; }

    public string? Connections { get; init; }

    public string? Duration { get; init; }

    public string? Warmup { get; init; }

    public string? Agents { get; init; }

    public bool InProcess { get; init; }

    public string? SummaryJson { get; init; }
}
