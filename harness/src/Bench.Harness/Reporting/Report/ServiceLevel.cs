using System.Globalization;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// The latency SLO a run was held to: from the results' settings (<c>slo.p99Ms</c>, <c>slo.maxErrorPercent</c>) when
/// recorded, otherwise the value every shipped profile uses, and the report says which.
/// </summary>
internal sealed record ServiceLevel(double P99Ms, double MaxErrorPercent, bool Recorded)
{
    public const double DefaultP99Ms = 50;
    public const double DefaultMaxErrorPercent = 1;

    public static ServiceLevel Of(ResultsDocument results)
    {
        var p99 = Read(results, "slo.p99Ms");
        var errors = Read(results, "slo.maxErrorPercent");
        return new ServiceLevel(p99 ?? DefaultP99Ms, errors ?? DefaultMaxErrorPercent, p99 is not null && errors is not null);
    }

    public string Describe() => ReportText.Format($"p99 below {ReportText.Number(P99Ms)} ms and errors below {ReportText.Number(MaxErrorPercent)}%")
        + (Recorded ? string.Empty : " (the profiles' SLO; this results file does not record one)");

    /// <summary>Whether a trial met the SLO: p99 and error rate below their limits. A metric the cell did not record counts against it.</summary>
    public bool MetBy(CellResult trial) =>
        Below(trial, MetricNames.LatencyP99, P99Ms) && Below(trial, MetricNames.ErrorPercent, MaxErrorPercent);

    /// <summary>Whether <paramref name="trial"/> recorded <paramref name="metric"/> below <paramref name="limit"/>.</summary>
    public static bool Below(CellResult trial, string metric, double limit) =>
        trial.Metrics.TryGetValue(metric, out var value) && value.Value < limit;

    private static double? Read(ResultsDocument results, string key) =>
        results.Settings.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
