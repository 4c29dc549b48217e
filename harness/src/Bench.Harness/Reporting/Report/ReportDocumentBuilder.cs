using Bench.Harness.Reporting.Report.Claims;
using Bench.Harness.Reporting.Report.Document;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Lays the report out: what to read first (flags), the claims and their verdicts, one section per workload with
/// every metric and its charts, the time series, then the environment and the method. Every figure comes from the
/// model, which comes from results.json.
/// </summary>
internal static partial class ReportDocumentBuilder
{
    public static ReportDocument Build(ReportModel model, IReadOnlyList<ClaimResult> claims, ChartSet charts)
    {
        var results = model.Results;
        var title = $"Bench report: {results.Profile} profile, {results.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC";
        var lead = $"{string.Join(", ", model.Backends.Select(b => $"`{b}`"))} on {charts.Machine}; "
            + $"{TrialWords(model.MaxTrials)} per cell; workloads {string.Join(", ", model.Workloads.Select(w => $"`{w}`"))}.";
        var sections = new List<ReportSection> { ReadFirst(model), ClaimsSummary(claims) };
        sections.AddRange(claims.Select(ClaimSection));
        sections.AddRange(FleetLimitsSections(model));
        sections.AddRange(model.Workloads.SelectMany(w => WorkloadSections(model, w, charts)));
        sections.AddRange(KernelSections(model));
        sections.Add(TimeSeriesSection(charts));
        sections.Add(EnvironmentSection(model, charts.Machine));
        sections.Add(MethodSection(model));
        return new ReportDocument(title, lead, sections);
    }

    private static ReportSection ReadFirst(ReportModel model)
    {
        var results = model.Results;
        var blocks = new List<ReportBlock>();
        if (results.Partial)
        {
            blocks.Add(new NoticeBlock($"**Partial run**: the run did not complete ({results.Interruption ?? "no reason recorded"}). "
                + "Only the cells below were measured; nothing is compared as if the run had finished."));
        }

        if (model.MaxTrials <= 1)
        {
            blocks.Add(new NoticeBlock("**Single trial, no statistical test**: every cell ran once. Figures are shown side by side, but no "
                + "difference is called and no winner is named; every claim is at best \"inconclusive (1 trial)\". Run a profile with 3 or more "
                + "trials (standard, full) for verdicts."));
        }

        // Groups are in report order (workload, scale, backend): the flags read in the same order as the tables.
        var flagged = model.Groups.SelectMany(g => g.FlaggedTrials).ToList();
        if (flagged.Count == 0)
        {
            blocks.Add(new ParagraphBlock($"Every cell ({ReportText.Count(results.Cells.Count)}) ran to the end: none saturated the generator, failed, crashed or was skipped."));
            return new ReportSection("Read this first", 2, blocks, []);
        }

        blocks.Add(new NoticeBlock($"**{ReportText.Count(flagged.Count)} of {ReportText.Count(results.Cells.Count)} cells did not run cleanly.** "
            + "Their figures are marked ⚠ in the tables, left out of every chart, winner and claim: saturated cells measured the load "
            + "generator's limit, not the backend's; failed and crashed cells measured a backend that stopped."));
        var rows = flagged.Select(c => (IReadOnlyList<string>)[
            $"`{c.Backend}`", c.Workload, ReportText.Count(c.Scale), ReportText.Count(c.Trial), $"⚠ **{StatusText(c.Status)}**", Reason(c)]).ToList();
        blocks.Add(new TableBlock(["backend", "workload", "devices", "trial", "status", "why"], rows, new HashSet<int> { 2, 3 }));
        return new ReportSection("Read this first", 2, blocks, []);
    }

    private static string Reason(CellResult cell)
    {
        var reason = cell.Failure?.Reason ?? "no reason recorded";
        return cell.Failure?.ExitStatus is { } exit ? $"{reason} (exit status {ReportText.Count(exit)})" : reason;
    }

    private static ReportSection TimeSeriesSection(ChartSet charts)
    {
        var series = charts.Charts.Where(c => c.Kind == "timeseries").Select(c => new ChartReference(c.Id, $"{c.Workload}, {c.ScaleText}: {c.Title}")).ToList();
        ReportBlock text = series.Count == 0
            ? new ParagraphBlock("No valid cell recorded time series.")
            : new ParagraphBlock("Each valid cell over its whole wall time, start-up and warm-up included (the first seconds): throughput, "
                + "p99 latency per interval, and the backend tree's RSS. A gap is an interval without a measurement.");
        return new ReportSection("Time series", 2, [text], series);
    }

    public static string StatusText(CellStatus status) => status switch
    {
        CellStatus.Ok => "ok",
        CellStatus.Failed => "failed",
        CellStatus.Crashed => "crashed",
        CellStatus.Skipped => "skipped",
        CellStatus.Saturated => "generator saturated",
        _ => status.ToString(),
    };

    private static string TrialWords(int count) => count == 1 ? "1 trial" : $"{ReportText.Count(count)} trials";
}
