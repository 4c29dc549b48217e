using System.Globalization;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Results;
using Bench.Harness.Verification;
using Spectre.Console;

namespace Bench.Harness.Reporting;

/// <summary>compare's progress as plain lines: for logs, CI and any output that is not a terminal; live figures at most every 5 s.</summary>
internal class CompareLines(IAnsiConsole console) : ICompareObserver
{
    private DateTimeOffset _lastLive = DateTimeOffset.MinValue;
    private string? _lastPhase;

    protected int Total { get; private set; }

    protected int Done { get; private set; }

    public virtual void Verifying(string backend) => console.MarkupLineInterpolated($"[grey]verify {backend} …[/]");

    public virtual void Verified(BackendVerification result)
    {
        var failed = result.Checks.Count(c => c.Outcome == CheckOutcome.Fail);
        console.MarkupLine(result.Passed
            ? $"verify {Markup.Escape(result.Backend)}: [green]all {result.Checks.Count} checks passed[/]"
            : $"verify {Markup.Escape(result.Backend)}: [red]{failed} of {result.Checks.Count} checks failed[/]; its cells are recorded as failed");
    }

    public void Planned(int cells) => Total = cells;

    public virtual void CellStarted(CellPlan cell) =>
        console.MarkupLineInterpolated($"[bold][[{Done + 1}/{Total}]][/] {cell.Backend.Name} · {cell.Workload.Name} · {cell.Scale} devices · trial {cell.Trial}");

    public virtual void CellProgress(CellProgress progress)
    {
        var phase = $"{progress.Phase}: {progress.LoadPhase?.ToString().ToLowerInvariant() ?? "starting"}";
        if (phase != _lastPhase)
        {
            _lastPhase = phase;
            console.MarkupLineInterpolated($"    [grey]{phase}[/]");
        }

        var now = DateTimeOffset.UtcNow;
        if (now - _lastLive < TimeSpan.FromSeconds(5))
        {
            return;
        }

        _lastLive = now;
        console.MarkupLineInterpolated($"    [grey]{Live(progress)}[/]");
    }

    public virtual void CellFinished(CellPlan cell, CellResult result)
    {
        Done++;
        console.MarkupLine($"    {StatusMarkup(result.Status)} {Markup.Escape(Headline(result))}{(result.Failure is { } f ? " — " + Markup.Escape(f.Reason) : string.Empty)}");
    }

    protected static string Live(CellProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Phase}: {p.AcksPerSecond:0}/s, p99 {p.P99Milliseconds:0.0} ms, {p.OpenConnections} open, {p.Errors} errors{(p.RssMiB is { } rss ? $", RSS {rss:0} MiB" : string.Empty)}");

    public static string StatusMarkup(CellStatus status) => status switch
    {
        CellStatus.Ok => "[green]ok[/]",
        CellStatus.Saturated => "[yellow]SATURATED[/]",
        CellStatus.Skipped => "[grey]skipped[/]",
        _ => $"[red]{status.ToString().ToUpperInvariant()}[/]",
    };

    /// <summary>The one or two figures that matter for the cell's workload.</summary>
    public static string Headline(CellResult result)
    {
        string Value(string name, string format) =>
            result.Metrics.TryGetValue(name, out var m) ? m.Value.ToString(format, CultureInfo.InvariantCulture) + " " + m.Unit : "–";

        return result.Metrics.ContainsKey(MetricNames.Capacity)
            ? $"capacity {Value(MetricNames.Capacity, "0")}, p99 {Value(MetricNames.LatencyP99, "0.0")}"
            : result.Metrics.ContainsKey(MetricNames.IngestSlowdown)
                ? $"ingest p99 {Value(MetricNames.IngestP99Baseline, "0.0")} → {Value(MetricNames.IngestP99WithAnalytics, "0.0")} with analytics, analysis p99 {Value(MetricNames.AnalysisP99, "0.0")}"
            : result.Metrics.ContainsKey(MetricNames.HeartbeatSlowdown)
                ? $"heartbeat p99 {Value(MetricNames.HeartbeatP99Baseline, "0.0")} → {Value(MetricNames.HeartbeatP99WithJobs, "0.0")} with jobs"
                : $"{Value(MetricNames.Throughput, "0")}, p99 {Value(MetricNames.LatencyP99, "0.0")}, RSS {Value(MetricNames.BackendRssMax, "0")}";
    }
}
