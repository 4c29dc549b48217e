using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>
/// C3: a CPU-bound job on the request path stalls every other connection of a single Node.js process (and equally of
/// a single asyncio process); offloading to worker threads or processes removes the stall.
/// </summary>
internal sealed class CpuJobStallClaim : IClaim
{
    private const string Workload = "mixed";
    private static readonly string[] Inline = ["node", "python"];
    private static readonly string[] Offloaded = ["node-offload", "python-offload"];

    // A stall is at least a doubling of heartbeat p99 (and 5 ms more): smaller rises are queueing noise, not blocking.
    private static readonly Margin StallMargin = new(1.0, 5);

    public string Id => "C3";

    public string Statement =>
        "A CPU-bound job on the request path stalls every other connection of a single Node.js process (and equally of a single asyncio "
        + "process); offloading to worker threads or processes removes the stall.";

    public string Rule =>
        "mixed at every scale, per backend: heartbeat.p99.with-jobs against heartbeat.p99.baseline over the same trials. A stall is a "
        + "rise of more than 100% (a doubling) or 5 ms, whichever is larger (exact Mann–Whitney test, α for the trial count). The claim "
        + "holds when node and python both stall and node-offload and python-offload both stay within that margin; it needs all four "
        + "backends, otherwise it is not measured. A backend whose heartbeat p99 already misses the SLO without jobs is overloaded by the "
        + "heartbeats alone: a stall cannot be told from that, so its finding at that scale is inconclusive.";

    public string NotMeasured => "the mixed workload did not run with node, python, node-offload and python-offload";

    public IReadOnlyList<Finding> Assess(ClaimContext context)
    {
        var findings = new List<Finding>();
        foreach (var scale in context.Model.ScalesOf(Workload))
        {
            findings.AddRange(Inline.Select(b => Check(context, scale, b, expectStall: true)));
            findings.AddRange(Offloaded.Select(b => Check(context, scale, b, expectStall: false)));
            context.Record(Workload, scale, MetricNames.HeartbeatSlowdown, "reference", context.References());
        }

        var missing = Inline.Concat(Offloaded).Where(b => !context.Model.Ran(b)).ToList();
        if (missing.Count == 0 || findings.Count == 0)
        {
            return findings;
        }

        var shown = findings.Where(f => f.Verdict != ClaimVerdict.NotMeasured).Select(f => $"{f.Where}: {f.Detail}");
        return [Finding.NotMeasured(Workload, $"{string.Join(" and ", missing)} did not run; measured without them: {string.Join("; ", shown)}")];
    }

    private static Finding Check(ClaimContext context, int scale, string backend, bool expectStall)
    {
        context.Record(Workload, scale, MetricNames.HeartbeatSlowdown, "claim", backend);
        if (context.Model.Find(backend, Workload, scale)?.Evidence(MetricNames.HeartbeatP99Baseline) is { } baseline && baseline.Median >= context.Slo.P99Ms)
        {
            context.Record(Workload, scale, MetricNames.HeartbeatP99Baseline, "claim", backend);
            return Finding.Unclear(
                $"{backend}, {ClaimContext.Where(Workload, scale)}",
                $"{backend}: heartbeat.p99.baseline {ReportText.WithUnit(baseline.Median, baseline.Unit)} already misses the SLO ({ReportText.Number(context.Slo.P99Ms)} ms) "
                    + "without jobs: the heartbeats alone overload it, so a stall cannot be told apart",
                InconclusiveReason.Unclear);
        }

        return context.CompareWithin(
            Workload, scale, backend, MetricNames.HeartbeatP99WithJobs, MetricNames.HeartbeatP99Baseline, expectRise: expectStall, StallMargin);
    }
}
