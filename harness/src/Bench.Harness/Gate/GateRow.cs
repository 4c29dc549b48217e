using Bench.Harness.Statistics;

namespace Bench.Harness.Gate;

/// <summary>One judged metric of one cell: the run's trials against the baseline's.</summary>
/// <param name="Cell">Backend, workload and scale.</param>
/// <param name="Metric">The metric name.</param>
/// <param name="Unit">The metric's unit, for display.</param>
/// <param name="Comparison">The verdict with the medians, change, p-values and reason.</param>
internal sealed record GateRow(CellKey Cell, string Metric, string Unit, ComparisonResult Comparison)
{
    /// <summary>A significant change for the worse beyond the metric's margin.</summary>
    public bool IsRegression => Comparison.Verdict == Verdict.Worse;
}
