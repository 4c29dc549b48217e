using Bench.Harness.Reporting.Report.Document;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

internal static partial class ReportDocumentBuilder
{
    /// <summary>Metrics that mark a fleet run as one half of a before/after workload (mixed, pipeline), which has its own claim.</summary>
    private static readonly string[] PairedFleetMarkers = [MetricNames.HeartbeatP99Baseline, MetricNames.IngestP99Baseline];

    /// <summary>
    /// Where each backend stops: for every fleet workload (persistent devices, one latency), each backend's cells by
    /// scale against the SLO, and the largest fleet it held within it before its first miss. A failed, crashed or
    /// skipped cell says why in one line; the per-scale tables below hold every figure.
    /// </summary>
    private static IEnumerable<ReportSection> FleetLimitsSections(ReportModel model)
    {
        var slo = ServiceLevel.Of(model.Results);
        foreach (var workload in model.Workloads.Where(w => IsFleet(model, w)))
        {
            var scales = model.ScalesOf(workload);
            var backends = model.Groups.Where(g => g.Workload == workload).Select(g => g.Backend).Distinct(StringComparer.Ordinal).ToList();
            var rows = new List<IReadOnlyList<string>>();
            foreach (var backend in backends)
            {
                var groups = scales.Select(s => model.Find(backend, workload, s)).ToList();
                var row = new List<string> { $"`{backend}`" };
                row.AddRange(groups.Select(g => g is null ? "–" : Verdict(g, slo).Text));
                row.Add(Held(groups, slo));
                rows.Add(row);
            }

            var headers = new List<string> { "backend" };
            headers.AddRange(scales.Select(ReportText.Devices));
            headers.Add("largest fleet within the SLO");
            var intro = new ParagraphBlock($"Each cell against the SLO ({slo.Describe()}): ✓ met in every valid trial, ✗ missed "
                + "(the p99 or error rate that missed it), ⚠ not a measurement of the backend (the generator saturated, or the cell failed, "
                + "crashed or was skipped, with the reason). The last column is the largest fleet met before the first miss.");
            var blocks = new List<ReportBlock> { intro, new TableBlock(headers, rows, new HashSet<int>()) };
            blocks.AddRange(MemoryPerConnectionTables(model, workload, scales, backends));
            yield return new ReportSection($"Fleet limits: {workload}", 2, blocks, []);
        }
    }

    /// <summary>
    /// Memory per connection by scale, backend and (for MQTT fleets) brokers: the RSS slope over the connection ramp,
    /// which comes before the measured phase, so a cell whose generator saturated while measuring still shows it (⚠).
    /// </summary>
    private static IEnumerable<ReportBlock> MemoryPerConnectionTables(ReportModel model, string workload, IReadOnlyList<int> scales, IReadOnlyList<string> backends)
    {
        foreach (var (metric, what) in new[] { (MetricNames.BackendMemoryPerConnection, "the backend's process tree"), (MetricNames.BrokerMemoryPerConnection, "the brokers, which hold an MQTT fleet's connections") })
        {
            var groups = backends.Select(b => (Backend: b, Groups: scales.Select(s => model.Find(b, workload, s)).ToList())).ToList();
            if (!groups.Any(g => g.Groups.Any(c => c?.Metrics.ContainsKey(metric) == true)))
            {
                continue;
            }

            yield return new ParagraphBlock($"`{metric}` (KiB per connection, {what}): the RSS slope over the connection ramp, before the measured phase; "
                + "⚠ marks a cell that did not run cleanly afterwards (its ramp was still measured).");
            var headers = new List<string> { "backend" };
            headers.AddRange(scales.Select(ReportText.Devices));
            var rows = groups.Select(g => (IReadOnlyList<string>)[$"`{g.Backend}`", .. g.Groups.Select(c => c?.Metrics.GetValueOrDefault(metric) is { } m
                ? (c.Grade == EvidenceGrade.Valid ? string.Empty : "⚠ ") + ReportText.Number(m.Median)
                : "–")]).ToList();
            yield return new TableBlock(headers, rows, new HashSet<int>(Enumerable.Range(1, scales.Count)));
        }
    }

    private static bool IsFleet(ReportModel model, string workload)
    {
        var cells = model.Results.Cells.Where(c => c.Workload == workload && c.Metrics.Count > 0).ToList();
        return cells.Count > 0
            && cells.Any(c => c.Metrics.ContainsKey(MetricNames.OpenConnections) && c.Metrics.ContainsKey(MetricNames.LatencyP99))
            && !cells.Any(c => PairedFleetMarkers.Any(c.Metrics.ContainsKey));
    }

    /// <summary>One group against the SLO: met (every valid trial), missed (any), or no measurement of the backend.</summary>
    internal static (bool? Met, string Text) Verdict(CellGroup group, ServiceLevel slo)
    {
        if (group.Grade != EvidenceGrade.Valid)
        {
            var first = group.FlaggedTrials.FirstOrDefault();
            var status = StatusText(first?.Status ?? CellStatus.Failed);
            var why = first?.Failure?.Reason is { } reason ? $": {Shorten(reason.StartsWith(status + ": ", StringComparison.Ordinal) ? reason[(status.Length + 2)..] : reason)}" : string.Empty;
            return (null, $"⚠ {status}{why}");
        }

        var p99 = group.Metrics.GetValueOrDefault(MetricNames.LatencyP99);
        var errors = group.Metrics.GetValueOrDefault(MetricNames.ErrorPercent);
        var trials = group.ValidTrials;
        var met = trials.Count(slo.MetBy);
        var figures = p99 is null ? "p99 not recorded" : $"p99 {ReportText.Number(p99.Median)} ms";
        if (errors is not null && errors.Median >= slo.MaxErrorPercent)
        {
            figures += $", errors {ReportText.Number(errors.Median)}%";
        }

        var ofTrials = trials.Count > 1 && met > 0 && met < trials.Count ? $" ({ReportText.Count(met)} of {ReportText.Count(trials.Count)} trials met it)" : string.Empty;
        return met == trials.Count ? (true, $"✓ {figures}") : (false, $"✗ {figures}{ofTrials}");
    }

    private static string Held(IReadOnlyList<CellGroup?> groups, ServiceLevel slo)
    {
        string? held = null;
        foreach (var group in groups.OfType<CellGroup>())
        {
            var (met, _) = Verdict(group, slo);
            if (met is null)
            {
                return held is null ? "not measured" : $"{held} (then not measured at {ReportText.Devices(group.Scale)})";
            }

            if (met == false)
            {
                return held is null ? $"none: missed at {ReportText.Devices(group.Scale)}" : $"{held} (missed at {ReportText.Devices(group.Scale)})";
            }

            held = ReportText.Devices(group.Scale);
        }

        return held is null ? "not measured" : $"{held} (every scale run)";
    }

    private static string Shorten(string reason)
    {
        var line = reason.Split('\n')[0].Trim();
        return line.Length <= 160 ? line : line[..157] + "…";
    }
}
