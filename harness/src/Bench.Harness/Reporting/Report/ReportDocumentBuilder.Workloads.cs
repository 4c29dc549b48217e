using Bench.Harness.Reporting.Report.Document;
using Bench.Harness.Statistics;

namespace Bench.Harness.Reporting.Report;

internal static partial class ReportDocumentBuilder
{
    private static IEnumerable<ReportSection> WorkloadSections(ReportModel model, string workload, ChartSet charts)
    {
        var workloadCharts = charts.Charts.Where(c => c.Workload == workload && c.Kind != "timeseries")
            .Select(c => new ChartReference(c.Id, $"{c.Title}, {c.ScaleText}")).ToList();
        var intro = new ParagraphBlock($"Every metric as the median across valid trials with its 95% confidence interval in brackets "
            + $"({ReportText.NoIntervalMark}: n too small for a 95% interval, which needs at least 6 trials). A winner is named only when it is "
            + "clearly better than every other backend under the rank test (see Method); ⚠ marks figures from saturated or failed cells, "
            + "shown for completeness and never compared. Charts plot valid trials only.");
        yield return new ReportSection($"Workload: {workload}", 2, [intro], workloadCharts);
        foreach (var scale in model.ScalesOf(workload))
        {
            yield return new ReportSection($"{workload} at {ReportText.Devices(scale)}", 3, [MetricTable(model.At(workload, scale))], []);
        }
    }

    private static TableBlock MetricTable(IReadOnlyList<CellGroup> groups)
    {
        var headers = new List<string> { "metric" };
        headers.AddRange(groups.Select(g => $"`{g.Backend}`"));
        headers.Add("clear winner");
        var rows = new List<IReadOnlyList<string>> { StatusRow(groups) };
        foreach (var metric in groups.SelectMany(g => g.Metrics.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var unit = groups.Select(g => g.Metrics.GetValueOrDefault(metric)).First(m => m is not null)!.Unit;
            var row = new List<string> { $"`{metric}` ({unit})" };
            row.AddRange(groups.Select(g => Figure(g, metric)));
            row.Add(Winner(groups, metric, unit));
            rows.Add(row);
        }

        return new TableBlock(headers, rows, new HashSet<int>(Enumerable.Range(1, groups.Count)));
    }

    private static List<string> StatusRow(IReadOnlyList<CellGroup> groups)
    {
        var row = new List<string> { "status (trials)" };
        row.AddRange(groups.Select(g => string.Join(", ", g.Trials.GroupBy(t => t.Status).OrderBy(s => s.Key)
            .Select(s => $"{(s.Key == Results.CellStatus.Ok ? string.Empty : "⚠ ")}{StatusText(s.Key)} ×{ReportText.Count(s.Count())}"))));
        row.Add(string.Empty);
        return row;
    }

    private static string Figure(CellGroup group, string metric)
    {
        if (!group.Metrics.TryGetValue(metric, out var summary))
        {
            return "–";
        }

        var text = ReportText.MedianWithInterval(summary);
        return group.Grade == EvidenceGrade.Valid ? text : $"⚠ {text}";
    }

    private static string Winner(IReadOnlyList<CellGroup> groups, string metric, string unit)
    {
        var trials = groups.Select(g => (g.Backend, Summary: g.Evidence(metric))).Where(t => t.Summary is not null)
            .ToDictionary(t => t.Backend, t => t.Summary!.Values, StringComparer.Ordinal);
        if (!WinnerPolicy.Ranks(metric) || trials.Count < 2)
        {
            return string.Empty;
        }

        if (trials.Values.Any(v => v.Count < 2))
        {
            return "single trial, no test";
        }

        var higherIsBetter = groups.Select(g => g.Evidence(metric)).First(m => m is not null)!.HigherIsBetter;
        var (relative, absolute) = WinnerPolicy.MarginFor(metric, unit);
        var ranking = Ranking.Rank(trials, higherIsBetter, relative, absolute);
        return ranking.Winner is { } winner ? $"**{winner}** (margin {WinnerPolicy.Describe(metric, unit)})" : "no clear winner";
    }
}
