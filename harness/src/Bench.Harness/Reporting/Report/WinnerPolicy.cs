using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Which metrics name a winner, and the margin a difference must clear to count (docs/statistics.md): 10% or
/// 0.5 ms for latencies, whose tails are noisy; 5% for throughput, CPU and memory, with floors in each unit.
/// Offered-load and generator figures describe the test, not the backend, and name no winner.
/// </summary>
internal static class WinnerPolicy
{
    public static bool Ranks(string metric) =>
        !metric.StartsWith("generator.", StringComparison.Ordinal)
        && metric is not (MetricNames.Requests or MetricNames.OpenConnections or MetricNames.MissedSends or MetricNames.BackendProcessesMax);

    public static (double Relative, double Absolute) MarginFor(string metric, string unit) => unit switch
    {
        "ms" => (0.10, 0.5),
        "MiB" => (0.05, 1),
        "KiB" => (0.10, 0.5),
        "%" when metric == MetricNames.ErrorPercent => (0, 0.1),
        "%" => (0.05, 2),
        "count" => (0.05, 1),
        "ratio" => (0.10, 0.1),
        _ => (0.05, 0),
    };

    public static string Describe(string metric, string unit)
    {
        var (relative, absolute) = MarginFor(metric, unit);
        return absolute > 0 && relative > 0 ? $"{ReportText.Percent(relative)} or {ReportText.WithUnit(absolute, unit)}"
            : relative > 0 ? ReportText.Percent(relative)
            : ReportText.WithUnit(absolute, unit);
    }
}
