using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Every trial of one backend × workload × scale. <see cref="Metrics"/> summarise the trials that count: the "ok"
/// trials when there is one, otherwise (for display only, see <see cref="Grade"/>) whatever saturated, failed or
/// crashed trials measured.
/// </summary>
/// <param name="Backend">Backend name.</param>
/// <param name="Workload">Workload name.</param>
/// <param name="Scale">Simulated devices.</param>
/// <param name="Trials">Every trial's cell, in trial order, whatever its status.</param>
/// <param name="Grade">What <see cref="Metrics"/> may be used for.</param>
/// <param name="Metrics">Metric name → summary over the trials that count.</param>
internal sealed record CellGroup(
    string Backend,
    string Workload,
    int Scale,
    IReadOnlyList<CellResult> Trials,
    EvidenceGrade Grade,
    IReadOnlyDictionary<string, MetricSummary> Metrics)
{
    /// <summary>Trials that ran to the end; only these are evidence.</summary>
    public IReadOnlyList<CellResult> ValidTrials => [.. Trials.Where(t => t.Status == CellStatus.Ok)];

    /// <summary>Trials that did not run to the end (saturated, failed, crashed, skipped).</summary>
    public IReadOnlyList<CellResult> FlaggedTrials => [.. Trials.Where(t => t.Status != CellStatus.Ok)];

    /// <summary>The summary of <paramref name="metric"/> when it may be used as evidence; null otherwise.</summary>
    public MetricSummary? Evidence(string metric) =>
        Grade == EvidenceGrade.Valid && Metrics.TryGetValue(metric, out var summary) ? summary : null;
}
