using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C1: Node.js sustains 10,000+ persistent device connections with lower p99 latency than Python asyncio.</summary>
internal sealed class PersistentConnectionLatencyClaim : IClaim
{
    private const string Workload = "ws-fleet";
    private const int MinimumScale = 10_000;
    private const double SustainedShare = 0.99;
    private static readonly Margin P99Margin = new(0.10, 1);

    public string Id => "C1";

    public string Statement => "Node.js sustains 10,000+ persistent device connections with lower p99 latency than Python asyncio.";

    public string Rule =>
        "ws-fleet at every scale of 10,000 devices or more. Node sustains the fleet when every valid trial keeps at least 99% of the devices "
        + "connected (connections.open) with errors.percent within the SLO; then node's latency.p99 must be lower than python's by more than "
        + "10% or 1 ms (exact Mann–Whitney test, α for the trial count). A scale where node does not sustain the fleet, or where its p99 is "
        + "not lower (higher, or equivalent within the margin), refutes the claim.";

    public string NotMeasured => "ws-fleet did not run at 10,000 devices or more";

    public IReadOnlyList<Finding> Assess(ClaimContext context) =>
        [.. context.Model.ScalesOf(Workload).Where(s => s >= MinimumScale).Select(scale => AtScale(context, scale))];

    private Finding AtScale(ClaimContext context, int scale)
    {
        var latency = context.CompareBackends(Workload, scale, MetricNames.LatencyP99, "node", "python", claimedHigher: false, P99Margin);
        context.Record(Workload, scale, MetricNames.OpenConnections, "claim", "node", "python");
        context.Record(Workload, scale, MetricNames.OpenConnections, "reference", context.References("node", "python"));
        var node = context.Model.Find("node", Workload, scale);
        if (latency.Verdict == ClaimVerdict.NotMeasured || node?.Grade != EvidenceGrade.Valid)
        {
            return latency;
        }

        var trials = node.ValidTrials;
        var sustained = trials.All(t => Sustains(t, scale, context.Slo));
        if (sustained)
        {
            return latency;
        }

        var detail = $"node kept fewer than {ReportText.Percent(SustainedShare)} of {ReportText.Count(scale)} devices connected, or exceeded the error SLO, in some trial";
        return trials.Count == 1
            ? Finding.Unclear(latency.Where, detail + "; single trial", InconclusiveReason.SingleTrial, suggests: false)
            : new Finding(ClaimVerdict.DoesNotHold, latency.Where, detail);
    }

    private static bool Sustains(CellResult trial, int scale, ServiceLevel slo) =>
        trial.Metrics.TryGetValue(MetricNames.OpenConnections, out var open) && open.Value >= SustainedShare * scale
        && (!trial.Metrics.TryGetValue(MetricNames.ErrorPercent, out var errors) || errors.Value <= slo.MaxErrorPercent);
}
