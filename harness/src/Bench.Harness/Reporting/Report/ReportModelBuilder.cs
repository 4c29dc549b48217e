using Bench.Harness.Reporting.Report.Kernel;
using Bench.Harness.Results;
using Bench.Harness.Statistics;

namespace Bench.Harness.Reporting.Report;

/// <summary>Aggregates a results document across trials: per backend × workload × scale × metric.</summary>
internal static class ReportModelBuilder
{
    /// <summary>The model of <paramref name="results"/>, with the kernel table read beside it (absent when null).</summary>
    public static ReportModel Build(ResultsDocument results, KernelTableReading? kernel = null)
    {
        var backends = Ordered(Listed(results, "backends"), results.Cells.Select(c => c.Backend));
        var workloads = Ordered(Listed(results, "workloads"), results.Cells.Select(c => c.Workload));
        var groups = results.Cells
            .GroupBy(c => (c.Backend, c.Workload, c.Scale))
            .Select(g => Group(g.Key.Backend, g.Key.Workload, g.Key.Scale, [.. g.OrderBy(c => c.Trial)]))
            .OrderBy(g => IndexOf(workloads, g.Workload))
            .ThenBy(g => g.Scale)
            .ThenBy(g => IndexOf(backends, g.Backend))
            .ToList();
        return new ReportModel(results, backends, workloads, groups) { Kernel = kernel ?? KernelTableReading.Absent };
    }

    private static CellGroup Group(string backend, string workload, int scale, IReadOnlyList<CellResult> trials)
    {
        var grade = GradeOf(trials);
        var counted = grade switch
        {
            EvidenceGrade.Valid => trials.Where(t => t.Status == CellStatus.Ok),
            EvidenceGrade.Saturated => trials.Where(t => t.Status == CellStatus.Saturated),
            _ => trials.Where(t => t.Status is CellStatus.Failed or CellStatus.Crashed),
        };
        return new CellGroup(backend, workload, scale, trials, grade, Summarise([.. counted]));
    }

    private static EvidenceGrade GradeOf(IReadOnlyList<CellResult> trials)
    {
        if (trials.Any(t => t.Status == CellStatus.Ok))
        {
            return EvidenceGrade.Valid;
        }

        if (trials.Any(t => t.Status == CellStatus.Saturated))
        {
            return EvidenceGrade.Saturated;
        }

        return trials.Any(t => t.Status is CellStatus.Failed or CellStatus.Crashed) ? EvidenceGrade.Failed : EvidenceGrade.NotRun;
    }

    private static Dictionary<string, MetricSummary> Summarise(IReadOnlyList<CellResult> trials)
    {
        var metrics = new Dictionary<string, MetricSummary>(StringComparer.Ordinal);
        foreach (var name in trials.SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var present = trials.Where(t => t.Metrics.ContainsKey(name)).Select(t => t.Metrics[name]).ToList();
            var first = present[0];
            var values = present.Select(m => m.Value).ToList();
            metrics[name] = new MetricSummary(name, first.Unit, first.HigherIsBetter, values, Summary.Of(values));
        }

        return metrics;
    }

    private static IEnumerable<string> Listed(ResultsDocument results, string setting) =>
        results.Settings.TryGetValue(setting, out var text)
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    // Names the settings list come first (the order the user asked for), then any others by first appearance;
    // a listed name without cells is dropped so every name in the report has something behind it.
    private static List<string> Ordered(IEnumerable<string> listed, IEnumerable<string> seen)
    {
        var present = seen.ToHashSet(StringComparer.Ordinal);
        return [.. listed.Concat(seen).Distinct(StringComparer.Ordinal).Where(present.Contains)];
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return names.Count;
    }
}
