namespace Bench.Harness.Gate;

/// <summary>How one metric is gated.</summary>
/// <param name="Metric">A metric name from <see cref="Results.MetricNames"/>, or a prefix ending in <c>*</c> for per-size metrics.</param>
/// <param name="AbsoluteNoise">The noise floor in the metric's unit: smaller changes never count, whatever their percentage.</param>
/// <param name="RelativeThreshold">The smallest relevant change as a fraction of the baseline; null takes <c>--max-regression</c>.</param>
internal sealed record GateRule(string Metric, double AbsoluteNoise, double? RelativeThreshold = null)
{
    public bool Matches(string name) =>
        Metric.EndsWith('*') ? name.StartsWith(Metric[..^1], StringComparison.Ordinal) : name == Metric;
}
