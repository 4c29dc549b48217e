using System.Runtime.CompilerServices;
using Bench.Harness.Reporting.Report;
using Bench.Harness.Results;

namespace Bench.UnitTests.Report;

/// <summary>
/// The report's "Fleet limits" table (where each backend stops meeting the SLO) and the environment lines that state
/// a topology beyond one process, on the golden results changed where each case needs it.
/// </summary>
public sealed class FleetLimitsReportTests
{
    private static readonly ResultsDocument Golden = ResultsReader.Load(Path.Combine(SourceDirectory(), "Golden", "results.json"));

    [Fact]
    public void Every_backend_that_meets_the_slo_at_every_scale_holds_the_largest_fleet_run()
    {
        var markdown = Compose(Golden);

        Assert.Contains("## Fleet limits: ws-fleet", markdown, StringComparison.Ordinal);
        Assert.Contains("| `node` | ✓ p99 4.16 ms | ✓ p99 8.3 ms | 10,000 devices (every scale run) |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Fleet limits: mixed", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_miss_at_the_larger_scale_and_a_failure_are_stated_with_the_figure_and_the_reason()
    {
        var cells = Golden.Cells.Select(c => c switch
        {
            { Backend: "python", Workload: "ws-fleet", Scale: 10_000 } => With(c, MetricNames.LatencyP99, 80 + c.Trial),
            { Backend: "dotnet", Workload: "ws-fleet", Scale: 10_000 } => c with
            {
                Status = CellStatus.Failed,
                Metrics = new Dictionary<string, MetricValue>(),
                Failure = new CellFailure("dotnet exited with code 134 under load", 134, []),
            },
            { Backend: "node", Workload: "ws-fleet", Scale: 1_000, Trial: 2 } => With(c, MetricNames.ErrorPercent, 2.5),
            _ => c,
        }).ToList();

        var markdown = Compose(Golden with { Cells = cells });

        Assert.Contains("| `python` | ✓ p99 6.76 ms | ✗ p99 82 ms | 1,000 devices (missed at 10,000 devices) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `dotnet` | ✓ p99 3.224 ms | ⚠ failed: dotnet exited with code 134 under load | 1,000 devices (then not measured at 10,000 devices) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `node` | ✗ p99 4.16 ms (2 of 3 trials met it) |", markdown, StringComparison.Ordinal);
        Assert.Contains("none: missed at 1,000 devices", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saturated_cell_is_no_verdict_on_the_backend_but_its_memory_per_connection_from_the_ramp_is_shown_marked()
    {
        var cells = Golden.Cells.Select(c => c is { Backend: "python", Workload: "ws-fleet", Scale: 10_000 }
            ? c with { Status = CellStatus.Saturated, Failure = new CellFailure("generator saturated: generator CPUs 0 (the load agents) 97% busy", null, []) }
            : c).ToList();

        var markdown = Compose(Golden with { Cells = cells });

        Assert.Contains("| `python` | ✓ p99 6.76 ms | ⚠ generator saturated: generator CPUs 0 (the load agents) 97% busy | 1,000 devices (then not measured at 10,000 devices) |", markdown, StringComparison.Ordinal);
        Assert.Contains("`backend.memory-per-connection` (KiB per connection, the backend's process tree)", markdown, StringComparison.Ordinal);
        Assert.Contains("| `python` | 3.64 | ⚠ 3.64 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_brokers_and_raised_worker_counts_are_stated_in_the_environment()
    {
        var cells = Golden.Cells.Select(c => c switch
        {
            { Backend: "node", Workload: "ws-fleet", Scale: 10_000 } => c with { Workers = 2 },
            { Backend: "python", Workload: "ws-fleet", Scale: 10_000 } => c with { Workers = 1, Brokers = 3 },
            _ => c with { Workers = 1 },
        }).ToList();
        var settings = new Dictionary<string, string>(Golden.Settings) { ["workers"] = "node=1,python=1,dotnet=1,node-offload=1,python-offload=1" };

        var markdown = Compose(Golden with { Cells = cells, Settings = settings });

        Assert.Contains("- Brokers: ws-fleet at 10,000 devices ran 3 mosquitto instances", markdown, StringComparison.Ordinal);
        Assert.Contains("device n connects to broker n mod 3, and python subscribed to every one", markdown, StringComparison.Ordinal);
        Assert.Contains("- Workers: node ran 2 worker processes on ws-fleet at 10,000 devices (backends.yaml gives 1)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("- Workers: python", markdown, StringComparison.Ordinal);
    }

    private static CellResult With(CellResult cell, string metric, double value) =>
        cell with { Metrics = new Dictionary<string, MetricValue>(cell.Metrics) { [metric] = MetricValue.Of(metric, value) } };

    private static string Compose(ResultsDocument results) => ReportWriter.Compose(results).Markdown;

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
