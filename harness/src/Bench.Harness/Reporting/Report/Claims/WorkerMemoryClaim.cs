using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C6: scaling Python with worker processes costs more memory than scaling Node.js with cluster workers.</summary>
internal sealed class WorkerMemoryClaim : IClaim
{
    private const string Python = "python-multi";
    private const string Node = "node-cluster";
    private static readonly Margin MemoryMargin = new(0.10, 5);

    public string Id => "C6";

    public string Statement => "Scaling Python with worker processes costs more memory than scaling Node.js with cluster workers.";

    public string Rule =>
        "Every workload and scale that ran both python-multi and node-cluster: python-multi's backend.pss.max (proportional memory of "
        + "the whole process tree, so pages shared between workers count once) must be higher than node-cluster's by more than 10% or "
        + "5 MiB (exact Mann–Whitney test, α for the trial count). Needs both variants, otherwise not measured.";

    public string NotMeasured => "python-multi and node-cluster did not both run";

    public IReadOnlyList<Finding> Assess(ClaimContext context)
    {
        var model = context.Model;
        if (!model.Ran(Python) || !model.Ran(Node))
        {
            return [];
        }

        return
        [
            .. model.Workloads.SelectMany(w => model.ScalesOf(w).Select(s => context.CompareBackends(
                w, s, MetricNames.BackendPssMax, Python, Node, claimedHigher: true, MemoryMargin))),
        ];
    }
}
