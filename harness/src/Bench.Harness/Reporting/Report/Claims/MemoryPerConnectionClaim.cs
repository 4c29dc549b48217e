using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>C2: Node.js uses less memory per persistent connection than Python.</summary>
internal sealed class MemoryPerConnectionClaim : IClaim
{
    private const string Workload = "ws-fleet";
    private static readonly Margin KibMargin = new(0.10, 0.5);

    public string Id => "C2";

    public string Statement => "Node.js uses less memory per persistent connection than Python.";

    public string Rule =>
        "ws-fleet at every scale: node's backend.memory-per-connection (slope of the backend tree's RSS against open connections over "
        + "the connection ramp) must be lower than python's by more than 10% or 0.5 KiB (exact Mann–Whitney test, α for the trial count).";

    public string NotMeasured => "ws-fleet did not run, or memory per connection was not recorded";

    public IReadOnlyList<Finding> Assess(ClaimContext context) =>
    [
        .. context.Model.ScalesOf(Workload).Select(scale => context.CompareBackends(
            Workload, scale, MetricNames.BackendMemoryPerConnection, "node", "python", claimedHigher: false, KibMargin)),
    ];
}
