using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C8: Node.js ingestion with Python workers behind a broker keeps ingestion latency flat while analytics run.</summary>
internal sealed class HybridIngestionClaim : IClaim
{
    private const string Backend = "hybrid";
    private const string Workload = "pipeline";
    private const string Contrast = "mixed";

    // "Flat": within 25% (or 2 ms) of the latency without analytics, shown by an equivalence test.
    private static readonly Margin FlatMargin = new(0.25, 2);

    public string Id => "C8";

    public string Statement => "Node.js ingestion with Python workers behind a broker keeps ingestion latency flat while analytics run.";

    public string Rule =>
        "The hybrid backend on pipeline at every scale: ingest.p99.with-analytics (MQTT ingestion acks while readings with vibration "
        + "samples are analysed by the Python workers behind the broker) against ingest.p99.baseline (the same devices without analytics) "
        + "over the same trials. Flat means within 25% or 2 ms, whichever is larger, shown by the equivalence test (or lower); a rise "
        + "beyond that margin refutes the claim. The analysis latency (device send to result) is shown beside it, and, for contrast, "
        + "node's heartbeat p99 on mixed, where the same kind of work runs on the event loop.";

    public string NotMeasured => "the hybrid backend did not run the pipeline workload";

    public IReadOnlyList<Finding> Assess(ClaimContext context)
    {
        if (!context.Model.Ran(Backend) || !context.Model.ScalesOf(Workload).Any())
        {
            return [];
        }

        var findings = new List<Finding>();
        foreach (var scale in context.Model.ScalesOf(Workload))
        {
            findings.Add(context.CompareWithin(
                Workload, scale, Backend, MetricNames.IngestP99WithAnalytics, MetricNames.IngestP99Baseline, expectRise: false, FlatMargin));
            context.Record(Workload, scale, MetricNames.AnalysisP99, "reference", Backend);
            context.Record(Workload, scale, MetricNames.AnalysisThroughput, "reference", Backend);
            foreach (var metric in new[] { MetricNames.HeartbeatP99Baseline, MetricNames.HeartbeatP99WithJobs })
            {
                context.Record(Contrast, scale, metric, "reference", "node");
            }
        }

        return findings;
    }
}
