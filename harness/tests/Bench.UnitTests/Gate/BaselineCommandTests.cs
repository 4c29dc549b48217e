using Bench.Harness.Cli;
using Bench.Harness.Gate;

namespace Bench.UnitTests.Gate;

/// <summary>
/// The gate as CI runs it, through the command line: <c>bench baseline update</c> writes the baseline from a
/// results folder, <c>bench baseline check</c> judges a later results folder against it (the step
/// <c>bench compare --baseline</c> runs after measuring). No backend is started.
/// </summary>
public sealed class BaselineCommandTests : IDisposable
{
    private readonly GateFiles _files = new();
    private readonly string _baseline;

    public BaselineCommandTests()
    {
        _baseline = _files.PathOf("baselines/ci.json");
        var exit = CommandLineApp.RunAsync(["baseline", "update", _files.WriteRun("baseline-run", GateSamples.Run()), "--out", _baseline]).GetAwaiter().GetResult();
        Assert.Equal(ExitCodes.Ok, exit);
    }

    [Fact]
    public async Task The_gate_exits_1_on_a_results_file_with_a_planted_regression()
    {
        var run = _files.WriteRun("regressed", GateSamples.Run(nodeP99Factor: 1.5));

        var exit = await CommandLineApp.RunAsync(["baseline", "check", run, "--baseline", _baseline]);

        Assert.Equal(1, exit);
        var comment = await File.ReadAllTextAsync(Path.Combine(run, CompareGate.MarkdownFileName));
        Assert.StartsWith("## Bench regression gate: regression", comment, StringComparison.Ordinal);
        Assert.Contains("| node/ws-fleet/20 | latency.p99 | 5.10 ms | 7.65 ms | +50.0% | regression |", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_exits_0_on_an_unchanged_results_file()
    {
        var run = _files.WriteRun("unchanged", GateSamples.Run());

        var exit = await CommandLineApp.RunAsync(["baseline", "check", run, "--baseline", _baseline]);

        Assert.Equal(0, exit);
        Assert.StartsWith("## Bench regression gate: passed", await File.ReadAllTextAsync(Path.Combine(run, CompareGate.MarkdownFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_looser_max_regression_lets_the_planted_regression_pass()
    {
        var run = _files.WriteRun("regressed", GateSamples.Run(nodeP99Factor: 1.5));

        Assert.Equal(0, await CommandLineApp.RunAsync(["baseline", "check", run, "--baseline", _baseline, "--max-regression", "60%"]));
    }

    [Fact]
    public async Task A_partial_run_is_refused_with_exit_3()
    {
        var run = _files.WriteRun("partial", GateSamples.Run(nodeP99Factor: 1.5) with { Partial = true, Interruption = "interrupted (Ctrl-C or SIGTERM)" });

        Assert.Equal(3, await CommandLineApp.RunAsync(["baseline", "check", run, "--baseline", _baseline]));
        Assert.StartsWith("## Bench regression gate: not compared (unusable run)", await File.ReadAllTextAsync(Path.Combine(run, CompareGate.MarkdownFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_baseline_file_is_invalid_input_with_exit_2()
    {
        var run = _files.WriteRun("unchanged", GateSamples.Run());
        var bad = _files.PathOf("bad.json");
        await File.WriteAllTextAsync(bad, "{\"schemaVersion\": 9}");

        Assert.Equal(2, await CommandLineApp.RunAsync(["baseline", "check", run, "--baseline", bad]));
        Assert.False(File.Exists(Path.Combine(run, CompareGate.MarkdownFileName)));
    }

    [Fact]
    public async Task A_partial_run_cannot_be_made_a_baseline()
    {
        var run = _files.WriteRun("partial", GateSamples.Run() with { Partial = true, Interruption = "stopped" });

        Assert.Equal(2, await CommandLineApp.RunAsync(["baseline", "update", run, "--out", _files.PathOf("never.json")]));
        Assert.False(File.Exists(_files.PathOf("never.json")));
    }

    public void Dispose() => _files.Dispose();
}
