using Bench.Harness.Statistics;

namespace Bench.Harness.Reporting.Report;

/// <summary>One metric of one backend × workload × scale across its trials: the per-trial values and their summary.</summary>
/// <param name="Name">Metric name (see <see cref="Results.MetricNames"/>).</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="HigherIsBetter">Direction of the metric.</param>
/// <param name="Values">One value per trial, in trial order.</param>
/// <param name="Summary">Median, spread and the median's 95% interval (null interval below 6 trials).</param>
internal sealed record MetricSummary(string Name, string Unit, bool HigherIsBetter, IReadOnlyList<double> Values, Summary Summary)
{
    public double Median => Summary.Median;

    public int Count => Values.Count;
}
