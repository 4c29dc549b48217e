using Bench.Harness.Results;

namespace Bench.Harness.Gate;

/// <summary>
/// Why a run or a baseline must not be compared. The gate never compares apples with oranges: an incomplete
/// run, figures bounded by a saturated generator, another profile or another machine class are reported as
/// such instead of being read as a regression or its absence.
/// </summary>
internal static class GateRefusals
{
    /// <summary>Problems that make the baseline unusable (exit 2).</summary>
    public static IReadOnlyList<string> OfBaseline(Baseline baseline, string runProfile, MachineClass runMachine)
    {
        var problems = new List<string>();
        var results = baseline.Results;
        if (results.Partial)
        {
            problems.Add($"the baseline {baseline.Path} is a partial run: take a baseline from a complete run");
        }

        problems.AddRange(NotOk(results.Cells).Select(line => $"the baseline {baseline.Path} has a cell that is not ok: {line}"));
        if (results.Profile != runProfile)
        {
            problems.Add($"the baseline was measured with profile '{results.Profile}', this run with '{runProfile}': compare a run with a baseline of its own profile");
        }

        var baselineMachine = MachineClass.Of(results.Environment);
        if (baselineMachine != runMachine)
        {
            problems.Add($"the baseline was measured on another machine class ({baselineMachine}) than this run ({runMachine}): update the baseline on this machine class");
        }

        return problems;
    }

    /// <summary>Problems that make the run itself unfit to compare (exit 3).</summary>
    public static IReadOnlyList<string> OfRun(ResultsDocument run)
    {
        var problems = new List<string>();
        if (run.Partial)
        {
            problems.Add($"this run is partial ({run.Interruption ?? "it did not complete"}): an incomplete run is never compared");
        }

        var saturated = run.Cells.Where(c => c.Status == CellStatus.Saturated).Select(c => c.Key).ToList();
        if (saturated.Count > 0)
        {
            problems.Add($"this run saturated the load generator in {saturated.Count} cell(s) ({string.Join(", ", saturated)}): its figures understate the backend and are not compared");
        }

        problems.AddRange(NotOk(run.Cells.Where(c => c.Status != CellStatus.Saturated)).Select(line => $"this run has a cell that is not ok: {line}"));
        return problems;
    }

    private static IEnumerable<string> NotOk(IEnumerable<CellResult> cells) =>
        cells.Where(c => c.Status != CellStatus.Ok)
            .Select(c => $"{c.Key} {c.Status.ToString().ToLowerInvariant()}{(c.Failure is { } f ? $" ({f.Reason})" : string.Empty)}");
}
