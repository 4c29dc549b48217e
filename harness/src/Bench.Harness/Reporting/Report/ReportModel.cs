using Bench.Harness.Reporting.Report.Kernel;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// A results document regrouped for the report: one <see cref="CellGroup"/> per backend × workload × scale, with
/// backends and workloads in a stable order (settings first, then first appearance) and scales ascending.
/// </summary>
/// <param name="Results">The document as read.</param>
/// <param name="Backends">Backend names in report order.</param>
/// <param name="Workloads">Workload names in report order.</param>
/// <param name="Groups">Every group, ordered by workload, scale, then backend.</param>
internal sealed record ReportModel(
    ResultsDocument Results,
    IReadOnlyList<string> Backends,
    IReadOnlyList<string> Workloads,
    IReadOnlyList<CellGroup> Groups)
{
    /// <summary>The kernel table from the results folder's micro/, or why there is none; absent unless the run asked for it.</summary>
    public KernelTableReading Kernel { get; init; } = KernelTableReading.Absent;

    /// <summary>The group of one backend × workload × scale, or null when that combination did not run.</summary>
    public CellGroup? Find(string backend, string workload, int scale) =>
        Groups.FirstOrDefault(g => g.Backend == backend && g.Workload == workload && g.Scale == scale);

    /// <summary>The scales at which <paramref name="workload"/> ran, ascending.</summary>
    public IReadOnlyList<int> ScalesOf(string workload) =>
        [.. Groups.Where(g => g.Workload == workload).Select(g => g.Scale).Distinct().Order()];

    /// <summary>The groups of one workload and scale, in backend order.</summary>
    public IReadOnlyList<CellGroup> At(string workload, int scale) =>
        [.. Groups.Where(g => g.Workload == workload && g.Scale == scale)];

    /// <summary>True when some cell of <paramref name="backend"/> is in the results.</summary>
    public bool Ran(string backend) => Groups.Any(g => g.Backend == backend);

    /// <summary>The most trials any group has: 1 means no statistical comparison is possible anywhere.</summary>
    public int MaxTrials => Groups.Count == 0 ? 0 : Groups.Max(g => g.Trials.Count);
}
