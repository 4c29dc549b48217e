namespace Bench.Harness.Workloads;

/// <summary>Warm-up (load, nothing recorded), the measured phase, and each rate-ladder step.</summary>
internal sealed record PhaseDurations(TimeSpan Warmup, TimeSpan Measure, TimeSpan LadderStep);
