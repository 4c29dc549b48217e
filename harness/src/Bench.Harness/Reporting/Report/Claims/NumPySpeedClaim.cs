using System.Globalization;
using Bench.Harness.Reporting.Report.Kernel;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>
/// C4: Python (NumPy) processes sensor data faster than Node.js. Decided on cpu-jobs (end to end over HTTP) and, when
/// the run has a kernel table, on the kernels alone (NumPy in-process against Node.js, no HTTP in the way).
/// </summary>
internal sealed class NumPySpeedClaim : IClaim
{
    private const string Workload = "cpu-jobs";
    private static readonly Margin JobMargin = new(0.10, 1);

    public string Id => "C4";

    public string Statement => "Python (NumPy) processes sensor data faster than Node.js.";

    public string Rule =>
        "cpu-jobs, every job size (jobs.p99.n<size>, the 99th percentile time of an analyze job of that many samples, end to end over "
        + "HTTP): python's must be lower than node's by more than 10% or 1 ms (exact Mann–Whitney test, α for the trial count). A size "
        + "where it is not lower refutes the general claim; the explanation names the sizes where it held. With a kernel table "
        + "(profiles standard and full), also every N of the analyze kernel without HTTP: NumPy in-process against Node.js "
        + "out of process, mean ± standard deviation per call; NumPy's mean + sd must be below Node.js's mean − sd by more than 10% of "
        + "Node.js's mean (holds), Node.js's mean + sd below NumPy's mean − sd by the same margin refutes it, and overlapping "
        + "spreads are inconclusive for that N.";

    public string NotMeasured => "neither cpu-jobs nor the kernel table ran";

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

        findings.AddRange(KernelFindings(context.Model.Kernel));
        return findings;
    }

    /// <summary>One finding per N of the kernel table; a failed kernel phase is one "not measured" finding.</summary>
    public static IEnumerable<Finding> KernelFindings(KernelTableReading kernel)
    {
        if (kernel.Problem is { } problem)
        {
            return [Finding.NotMeasured("the analyze kernel", $"kernel table: failed: {problem}")];
        }

        return kernel.Table?.Rows.Select(KernelFinding) ?? [];
    }

    // BenchmarkDotNet's short job gives a mean and a standard deviation, not trials to test: the claim is decided only
    // where the two mean ± sd ranges are apart by more than the margin, and overlapping ranges decide nothing.
    private static Finding KernelFinding(KernelTableRow row)
    {
        var where = $"the analyze kernel at N = {ReportText.Count(row.N)} (no HTTP)";
        if (row.PythonInProcess is not { } numpy || row.Node is not { } node)
        {
            var missing = row.PythonInProcess is null ? "the NumPy kernel" : "the Node.js kernel";
            return Finding.NotMeasured(where, $"{missing} was not measured at N = {ReportText.Count(row.N)}");
        }

        var margin = JobMargin.Relative * node.MeanNs;
        var figures = $"NumPy in-process {numpy.Describe()} vs Node.js out of process {node.Describe()} (mean ± sd)";
        var rule = $"margin {ReportText.Percent(JobMargin.Relative)} of Node.js's mean";
        if (node.Low - numpy.High > margin)
        {
            return new Finding(ClaimVerdict.Holds, where, $"{figures}: NumPy faster, the ranges apart by more than the {rule}");
        }

        if (numpy.Low - node.High > margin)
        {
            return new Finding(ClaimVerdict.DoesNotHold, where, $"{figures}: Node.js faster, the ranges apart by more than the {rule}");
        }

        return Finding.Unclear(where, $"{figures}: the ranges overlap or are apart by less than the {rule}", InconclusiveReason.Unclear);
    }

    private static IEnumerable<int> JobSizes(ReportModel model, int scale) => model.At(Workload, scale)
        .SelectMany(g => g.Metrics.Keys)
        .Where(name => name.StartsWith(MetricNames.JobsP99Prefix, StringComparison.Ordinal))
        .Select(name => int.TryParse(name.AsSpan(MetricNames.JobsP99Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0)
        .Where(size => size > 0)
        .Distinct()
        .Order();
}
