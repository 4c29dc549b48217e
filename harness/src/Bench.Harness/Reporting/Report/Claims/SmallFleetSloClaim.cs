using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C5: below 1,000 devices Python meets the latency SLO without strain.</summary>
internal sealed class SmallFleetSloClaim : IClaim
{
    private const int MaximumScale = 1000;
    private const double StrainCpuPercent = 70;
    private static readonly string[] Workloads = ["ws-fleet", "mqtt-fleet"];

    public string Id => "C5";

    public string Statement => "Below 1,000 devices Python meets the latency SLO without strain.";

    public string Rule =>
        "python on ws-fleet and mqtt-fleet at every scale up to 1,000 devices. A trial meets the claim when latency.p99 and "
        + "errors.percent are within the SLO and backend.cpu.mean is below 70% of one core (one asyncio process can use one core: "
        + "above 70% it has little headroom left). Holds when every valid trial meets it; does not hold when the median trial does not; "
        + "trials that disagree are inconclusive.";

    public string NotMeasured => "neither ws-fleet nor mqtt-fleet ran python at 1,000 devices or fewer";

    public IReadOnlyList<Finding> Assess(ClaimContext context) =>
    [
        .. Workloads.SelectMany(w => context.Model.ScalesOf(w).Where(s => s <= MaximumScale).Select(s => AtScale(context, w, s))),
    ];

    private static Finding AtScale(ClaimContext context, string workload, int scale)
    {
        var where = ClaimContext.Where(workload, scale);
        string[] metrics = [MetricNames.LatencyP99, MetricNames.ErrorPercent, MetricNames.BackendCpuMean];
        foreach (var metric in metrics)
        {
            context.Record(workload, scale, metric, "claim", "python");
            context.Record(workload, scale, metric, "reference", context.References());
        }

        var python = context.Model.Find("python", workload, scale);
        if (python is null)
        {
            return Finding.NotMeasured(where, "python did not run there");
        }

        if (python.Grade != EvidenceGrade.Valid)
        {
            var limit = python.Grade == EvidenceGrade.Saturated ? InconclusiveReason.Saturated : InconclusiveReason.Failed;
            return Finding.Unclear(where, "python has no valid cell there", limit);
        }

        var trials = python.ValidTrials;
        var meeting = trials.Count(t => Meets(t, context.Slo));
        var detail = $"{meeting} of {trials.Count} python trials met {context.Slo.Describe()} with CPU below {ReportText.Number(StrainCpuPercent)}% of one core";
        if (trials.Count == 1)
        {
            return Finding.Unclear(where, detail + "; single trial", InconclusiveReason.SingleTrial, meeting == 1);
        }

        return meeting == trials.Count ? new Finding(ClaimVerdict.Holds, where, detail)
            : meeting * 2 < trials.Count + 1 ? new Finding(ClaimVerdict.DoesNotHold, where, detail)
            : Finding.Unclear(where, detail, InconclusiveReason.Unclear);
    }

    // A metric the cell did not record cannot show the claim: it counts against meeting it.
    private static bool Meets(CellResult trial, ServiceLevel slo) =>
        slo.MetBy(trial) && ServiceLevel.Below(trial, MetricNames.BackendCpuMean, StrainCpuPercent);
}
