using System.Globalization;
using Bench.Harness.Agents;
using Bench.Harness.Preflight;
using Bench.Load.Engine;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Bench.Harness.Cli;

internal static partial class RunCommand
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private static void PrintPlan(RunSpec run, FleetPlan plan)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{run.Workload.Name()}[/] against [bold]{run.BackendLabel}[/]: {run.Devices:N0} devices, {run.RatePerSecond:N1}/s, warm-up {run.Warmup.TotalSeconds:0} s, measured {run.Duration.TotalSeconds:0} s");
        AnsiConsole.MarkupLineInterpolated($"plan: {(run.InProcess ? "in-process, " : string.Empty)}{plan.Rationale}");
        var table = new Table().Border(TableBorder.Simple).AddColumns("agent", "source", "device ids", "devices", "rate/s", "sockets");
        foreach (var agent in plan.Agents)
        {
            table.AddRow(agent.Name, agent.SourceAddress?.ToString() ?? "default", agent.DeviceRange, N(agent.Devices), agent.RatePerSecond.ToString("N1", CultureInfo.InvariantCulture), N(agent.Sockets));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>A table of every limit checked, then each warning and error spelled out in full below it.</summary>
    private static void PrintPreflight(PreflightReport report)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("preflight", "found", "needed", "verdict");
        foreach (var finding in report.Findings)
        {
            table.AddRow(new Text(finding.Limit), new Text(finding.Found), new Text(finding.Needed), Verdict(finding.Severity));
        }

        AnsiConsole.Write(table);
        foreach (var finding in report.Findings.Where(f => f.Severity != PreflightSeverity.Info))
        {
            AnsiConsole.Write(Verdict(finding.Severity));
            AnsiConsole.MarkupLineInterpolated($": {finding.Limit}: {finding.Explanation}");
        }
    }

    private static Markup Verdict(PreflightSeverity severity) => severity switch
    {
        PreflightSeverity.Error => new Markup("[red]error[/]"),
        PreflightSeverity.Warning => new Markup("[yellow]warning[/]"),
        _ => new Markup("[green]ok[/]"),
    };

    /// <summary>A live view on a terminal; in logs (CI, pipes) plain lines instead, the progress every few seconds.</summary>
    private static async Task<RunOutcome> RunLiveAsync(Func<IRunObserver, Task<RunOutcome>> execute)
    {
        var view = new LiveView();
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await RefreshWhileRunningAsync(execute(view), LogInterval, () => AnsiConsole.Write(view.TakeNewLines()));
        }

        RunOutcome? outcome = null;
        await AnsiConsole.Live(view.Render()).StartAsync(async context =>
        {
            outcome = await RefreshWhileRunningAsync(execute(view), RefreshInterval, () => context.UpdateTarget(view.Render()));
        });
        return outcome!;
    }

    private static async Task<RunOutcome> RefreshWhileRunningAsync(Task<RunOutcome> execution, TimeSpan interval, Action refresh)
    {
        using var timer = new PeriodicTimer(interval);
        while (await Task.WhenAny(execution, timer.WaitForNextTickAsync().AsTask()) != execution)
        {
            refresh();
        }

        refresh();
        return await execution;
    }

    private static void PrintOutcome(RunSpec run, RunOutcome outcome)
    {
        if (outcome.StartFailure is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]could not start the run:[/] {outcome.StartFailure}");
            PrintLines(outcome.BackendLastLines);
            return;
        }

        var fleet = outcome.Fleet!;
        if (fleet.Merged is { } merged)
        {
            AnsiConsole.Write(SummaryTable(run, outcome.Status, merged));
            AnsiConsole.Write(AgentTable(fleet));
        }

        foreach (var failure in fleet.Failures)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]invalid result:[/] {failure}");
            PrintLines(failure.LastLines);
        }

        if (outcome.BackendCrash is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]backend crashed:[/] {outcome.BackendCrash}");
            PrintLines(outcome.BackendLastLines);
        }

        if (fleet.Merged?.Saturation is { IsSaturated: true } saturation)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]generator saturated:[/] {saturation.Reason}; the latencies describe the generator as much as the backend");
        }

        var colour = outcome.Succeeded ? "green" : "red";
        AnsiConsole.MarkupLine($"run [{colour}]{outcome.Status}[/]");
    }

    private static Table SummaryTable(RunSpec run, string status, LoadResult result)
    {
        var summary = RunSummary.Of(run, status, result);
        var errors = string.Join(", ", result.Errors.Where(e => e.Value > 0).Select(e => $"{e.Key} {e.Value:N0}"));
        var table = new Table().Border(TableBorder.Rounded).Title($"{summary.Workload} · {summary.Backend}").AddColumns("figure", "value");
        table.AddRow("status", status);
        table.AddRow("sent / ok", $"{N(result.Sent)} / {N(result.Acked)}");
        table.AddRow("errors", result.TotalErrors == 0 ? "0" : $"{N(result.TotalErrors)} ({errors})");
        table.AddRow("late / dropped", $"{N(result.Late)} / {N(result.Dropped)}");
        table.AddRow("measured", $"{summary.DurationSeconds:0.##} s");
        table.AddRow("throughput", $"{summary.ThroughputPerSecond:N1} acks/s");
        table.AddRow("latency ms p50 / p90 / p99", $"{summary.LatencyMs.P50:0.###} / {summary.LatencyMs.P90:0.###} / {summary.LatencyMs.P99:0.###}");
        table.AddRow("latency ms p99.9 / max", $"{summary.LatencyMs.P999:0.###} / {summary.LatencyMs.Max:0.###}");
        table.AddRow("connections opened / failed / lost", $"{N(result.Connections.Opened)} / {N(result.Connections.Failed)} / {N(result.Connections.Lost)}");
        table.AddRow("generator CPU (busiest second)", result.GeneratorCpu.Count == 0 ? "-" : $"{result.GeneratorCpu.Max():P0}");
        table.AddRow("generator saturated", summary.GeneratorSaturated ? "yes" : "no");
        return table;
    }

    private static Table AgentTable(FleetResult fleet)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("agent", "devices", "sent", "ok", "errors", "outcome");
        foreach (var agent in fleet.Agents)
        {
            var result = agent.Result;
            table.AddRow(
                agent.Assignment.Name,
                N(agent.Assignment.Devices),
                result is null ? "-" : N(result.Sent),
                result is null ? "-" : N(result.Acked),
                result is null ? "-" : N(result.TotalErrors),
                agent.Failure is null ? (result is null ? "stopped" : "ok") : "failed");
        }

        return table;
    }

    private static void PrintLines(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            AnsiConsole.MarkupLineInterpolated($"  [grey]{line}[/]");
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The live view: the steps so far, then the fleet's latest totals.</summary>
    private sealed class LiveView : IRunObserver
    {
        private readonly List<string> _steps = [];
        private readonly Lock _gate = new();
        private FleetProgress? _progress;
        private int _stepsLogged;

        public void Step(string line)
        {
            lock (_gate)
            {
                _steps.Add(line);
            }
        }

        public void AgentsStarted(IReadOnlyList<ILoadAgent> agents)
        {
        }

        public void Progress(FleetProgress progress) => Volatile.Write(ref _progress, progress);

        public IRenderable Render()
        {
            lock (_gate)
            {
                return new Rows([.. _steps.Select(Grey), .. ProgressLine()]);
            }
        }

        /// <summary>For logs: steps not printed yet, and the latest progress.</summary>
        public IRenderable TakeNewLines()
        {
            lock (_gate)
            {
                var fresh = _steps.Skip(_stepsLogged).Select(Grey).ToList();
                _stepsLogged = _steps.Count;
                return new Rows([.. fresh, .. ProgressLine()]);
            }
        }

        private static Markup Grey(string line) => new($"[grey]{Markup.Escape(line)}[/]");

        private IEnumerable<IRenderable> ProgressLine()
        {
            if (Volatile.Read(ref _progress) is not { } p)
            {
                yield break;
            }

            yield return new Markup(string.Create(CultureInfo.InvariantCulture,
                $"[bold]{p.Phase}[/] {p.Elapsed.TotalSeconds:0}s · agents {p.PerAgent.Count}/{p.AgentCount} · sends {p.SendsPerSecond:N0}/s · acks {p.AcksPerSecond:N0}/s · p99 ≤ {p.WorstP99Microseconds / 1000.0:0.##} ms · open {p.OpenConnections:N0} · errors {p.Errors:N0} · generator CPU {p.BusiestGeneratorCpu:P0}"));
        }
    }
}
