using System.Globalization;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C4: Python (NumPy) processes sensor data faster than Node.js.</summary>
internal sealed class NumPySpeedClaim : IClaim
{
    private const string Workload = "cpu-jobs";
    private static readonly Margin JobMargin = new(0.10, 1);

    public string Id => "C4";

    public string Statement => "Python (NumPy) processes sensor data faster than Node.js.";

    public string Rule =>
        "cpu-jobs, every job size (jobs.p99.n<size>, the 99th percentile time of an analyze job of that many samples, end to end over "
        + "HTTP): python's must be lower than node's by more than 10% or 1 ms (exact Mann–Whitney test, α for the trial count). A size "
        + "where it is not lower refutes the general claim; the explanation names the sizes where it held.";

    public string NotMeasured => "cpu-jobs did not run";

    public IReadOnlyList<Finding> Assess(ClaimContext context)
    {
        var findings = new List<Finding>();
        foreach (var scale in context.Model.ScalesOf(Workload))
        {
            foreach (var size in JobSizes(context.Model, scale))
            {
                var finding = context.CompareBackends(Workload, scale, MetricNames.JobsP99For(size), "python", "node", claimedHigher: false, JobMargin);
                findings.Add(finding with { Where = $"{finding.Where}, jobs of {ReportText.Count(size)} samples" });
            }
        }

        return findings;
    }

    private static IEnumerable<int> JobSizes(ReportModel model, int scale) => model.At(Workload, scale)
        .SelectMany(g => g.Metrics.Keys)
        .Where(name => name.StartsWith(MetricNames.JobsP99Prefix, StringComparison.Ordinal))
        .Select(name => int.TryParse(name.AsSpan(MetricNames.JobsP99Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0)
        .Where(size => size > 0)
        .Distinct()
        .Order();
}
