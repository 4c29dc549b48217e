using System.Globalization;
using Bench.Harness.Workloads;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>One cell to run: a backend through a workload at a device scale, one trial.</summary>
internal sealed record CellPlan(BackendSpec Backend, WorkloadSpec Workload, int Scale, int Trial)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Backend.Name}/{Workload.Name}/{Scale}/{Trial}");

    /// <summary>
    /// Every cell of a profile. Backends alternate innermost and trials outermost (A B C A B C …), so a drift in the
    /// machine over the run touches every backend alike instead of biasing whichever ran last.
    /// </summary>
    public static IReadOnlyList<CellPlan> For(ProfileSpec profile, IReadOnlyList<BackendSpec> backends)
    {
        var cells = new List<CellPlan>();
        for (var trial = 1; trial <= profile.Trials; trial++)
        {
            foreach (var workload in profile.Workloads)
            {
                foreach (var scale in workload.ScalesWithDevices ? profile.Scales : [profile.Scales[0]])
                {
                    cells.AddRange(backends.Where(b => profile.Runs(b, workload)).Select(b => new CellPlan(b, workload, scale, trial)));
                }
            }
        }

        return cells;
    }

    /// <summary>Workloads that some of the chosen backends cannot run (they lack the feature it needs), with those backends.</summary>
    public static IEnumerable<(WorkloadSpec Workload, IReadOnlyList<BackendSpec> Backends)> NotApplicable(ProfileSpec profile, IReadOnlyList<BackendSpec> backends) =>
        profile.Workloads
            .Select(w => (w, (IReadOnlyList<BackendSpec>)[.. backends.Where(b => !b.Offers(w.RequiredFeature))]))
            .Where(entry => entry.Item2.Count > 0);
}
