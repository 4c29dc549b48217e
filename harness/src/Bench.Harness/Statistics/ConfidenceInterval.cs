namespace Bench.Harness.Statistics;

/// <summary>
/// A confidence interval with the coverage it actually guarantees. Order-statistic intervals only reach
/// discrete coverage levels, so <see cref="Level"/> is the exact coverage (at least the nominal level asked for).
/// </summary>
internal sealed record ConfidenceInterval(double Lower, double Upper, double Level);
