namespace Bench.Harness.Orchestration.Compare;

/// <summary>The load engine measures whole seconds; profile durations are rounded up to them (at least one for a measured phase).</summary>
internal static class Phases
{
    public static TimeSpan Whole(TimeSpan duration, int minimumSeconds = 1) =>
        TimeSpan.FromSeconds(Math.Max(minimumSeconds, Math.Ceiling(duration.TotalSeconds - 1e-9)));
}
