using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C8: Node.js ingestion with Python workers behind a broker keeps ingestion latency flat while analytics run.</summary>
internal sealed class HybridIngestionClaim : IClaim
{
    private const string Backend = "hybrid";
    private const string Workload = "mixed";

    // "Flat": within 25% (or 2 ms) of the latency without analytics, shown by an equivalence test.
    private static readonly Margin FlatMargin = new(0.25, 2);

    public string Id => "C8";

    public string Statement => "Node.js ingestion with Python workers behind a broker keeps ingestion latency flat while analytics run.";

    public string Rule =>
        "The hybrid backend on mixed at every scale: heartbeat.p99.with-jobs (ingestion acks while analytics run) against "
        + "heartbeat.p99.baseline (without) over the same trials. Flat means within 25% or 2 ms, whichever is larger, shown by the "
        + "equivalence test (or lower); a rise beyond that margin refutes the claim. node's and .NET's figures are shown beside it.";

    public string NotMeasured => "the hybrid backend did not run the mixed workload";

    public IReadOnlyList<Finding> Assess(ClaimContext context)
    {
        if (!context.Model.Ran(Backend))
        {
            return [];
        }

        var findings = new List<Finding>();
        foreach (var scale in context.Model.ScalesOf(Workload))
        {
            findings.Add(context.CompareWithin(
                Workload, scale, Backend, MetricNames.HeartbeatP99WithJobs, MetricNames.HeartbeatP99Baseline, expectRise: false, FlatMargin));
            foreach (var metric in new[] { MetricNames.HeartbeatP99Baseline, MetricNames.HeartbeatP99WithJobs })
            {
                context.Record(Workload, scale, metric, "reference", context.References().Prepend("node"));
            }
        }

        return findings;
    }
}
