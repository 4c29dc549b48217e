using Bench.Harness.Results;
using Bench.Harness.Statistics;

namespace Bench.Harness.Gate;

/// <summary>
/// Compares a run with its baseline, cell by cell (backend × workload × scale) and metric by metric, through
/// <see cref="Comparison.Compare"/> on the per-trial values, so each verdict respects the trials' noise.
/// Only cells present on both sides are compared; the others are listed. Pure: it reads documents, runs nothing.
/// </summary>
internal static class RegressionGate
{
    public static GateResult Evaluate(ResultsDocument run, Baseline baseline, GateRules rules)
    {
        var sensitivity = GateSensitivity.For(TrialsPerCell(run), TrialsPerCell(baseline.Results));
        var baselineProblems = GateRefusals.OfBaseline(baseline, run.Profile, MachineClass.Of(run.Environment));
        var runProblems = GateRefusals.OfRun(run);
        if (baselineProblems.Count > 0 || runProblems.Count > 0)
        {
            var status = baselineProblems.Count > 0 ? GateStatus.InvalidBaseline : GateStatus.RunNotComparable;
            return new GateResult(status, run.Profile, sensitivity, rules, baseline, [.. baselineProblems, .. runProblems], [], []);
        }

        var current = ByCell(run);
        var reference = ByCell(baseline.Results);
        var rows = new List<GateRow>();
        var notCompared = new List<string>();
        foreach (var key in current.Keys.Union(reference.Keys).Order())
        {
            if (!reference.TryGetValue(key, out var before))
            {
                notCompared.Add($"{key}: not in the baseline");
            }
            else if (!current.TryGetValue(key, out var now))
            {
                notCompared.Add($"{key}: in the baseline, not in this run");
            }
            else
            {
                rows.AddRange(CompareCell(key, now, before, rules, notCompared));
            }
        }

        return new GateResult(
            rows.Any(r => r.IsRegression) ? GateStatus.Regressed : GateStatus.Passed,
            run.Profile, sensitivity, rules, baseline, [], rows, notCompared);
    }

    private static IEnumerable<GateRow> CompareCell(
        CellKey key, IReadOnlyList<CellResult> now, IReadOnlyList<CellResult> before, GateRules rules, List<string> notCompared)
    {
        var metrics = now.Concat(before).SelectMany(c => c.Metrics.Keys).Distinct()
            .Where(m => rules.For(m) is not null)
            .OrderBy(rules.OrderOf).ThenBy(m => m, StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var currentValues = ValuesOf(now, metric);
            var baselineValues = ValuesOf(before, metric);
            if (currentValues.Count == 0 || baselineValues.Count == 0)
            {
                notCompared.Add($"{key} {metric}: {(currentValues.Count == 0 ? "not measured in this run" : "not in the baseline")}");
                continue;
            }

            var rule = rules.For(metric)!;
            var descriptor = now.Concat(before).Select(c => c.Metrics.GetValueOrDefault(metric)).First(v => v is not null)!;
            var comparison = Comparison.Compare(currentValues, baselineValues, descriptor.HigherIsBetter, rules.ThresholdOf(rule), rule.AbsoluteNoise);
            yield return new GateRow(key, metric, descriptor.Unit, comparison);
        }
    }

    private static List<double> ValuesOf(IReadOnlyList<CellResult> trials, string metric) =>
        [.. trials.Select(c => c.Metrics.GetValueOrDefault(metric)).OfType<MetricValue>().Select(v => v.Value)];

    private static Dictionary<CellKey, IReadOnlyList<CellResult>> ByCell(ResultsDocument document) =>
        document.Cells.Where(c => c.Status == CellStatus.Ok)
            .GroupBy(CellKey.Of)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CellResult>)[.. g.OrderBy(c => c.Trial)]);

    /// <summary>The most trials any cell has: what the header reports (a cell may have fewer if some trial lacks a metric).</summary>
    private static int TrialsPerCell(ResultsDocument document) =>
        document.Cells.GroupBy(CellKey.Of).Select(g => g.Select(c => c.Trial).Distinct().Count()).DefaultIfEmpty(0).Max();
}
