using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C7: Node.js serves JSON HTTP APIs with higher throughput than Python.</summary>
internal sealed class HttpThroughputClaim : IClaim
{
    private const string Workload = "http-ingest";
    private static readonly Margin ThroughputMargin = new(0.05, 0);

    public string Id => "C7";

    public string Statement => "Node.js serves JSON HTTP APIs with higher throughput than Python.";

    public string Rule =>
        "http-ingest at every scale: node's capacity (the highest offered rate whose ladder step met the SLO) must be higher than "
        + "python's by more than 5% (exact Mann–Whitney test, α for the trial count). Saturated cells are excluded: their capacity is "
        + "only a lower bound set by the load generator.";

    public string NotMeasured => "http-ingest did not run";

    public IReadOnlyList<Finding> Assess(ClaimContext context) =>
    [
        .. context.Model.ScalesOf(Workload).Select(scale => context.CompareBackends(
            Workload, scale, MetricNames.Capacity, "node", "python", claimedHigher: true, ThroughputMargin)),
    ];
}
