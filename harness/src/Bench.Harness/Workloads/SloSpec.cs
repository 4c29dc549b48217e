namespace Bench.Harness.Workloads;

/// <summary>The service-level objective a ladder step must meet: p99 below <paramref name="P99"/> and errors below <paramref name="MaxErrorPercent"/>.</summary>
internal sealed record SloSpec(TimeSpan P99, double MaxErrorPercent)
{
    public static readonly SloSpec Default = new(TimeSpan.FromMilliseconds(50), 1.0);

    public bool IsMetBy(TimeSpan p99, double errorPercent) => p99 < P99 && errorPercent < MaxErrorPercent;
}
