using Bench.Harness.Cli;
using Bench.Harness.Gate;
using Bench.Harness.Results;
using Bench.Harness.Statistics;
using Bench.UnitTests.Results;

namespace Bench.UnitTests.Gate;

public class RegressionGateTests
{
    private static readonly GateRules Rules = GateRules.Default();

    [Fact]
    public void A_planted_latency_regression_fails_the_gate_and_its_row_says_regression()
    {
        var result = RegressionGate.Evaluate(GateSamples.Run(nodeP99Factor: 1.5), GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.Regressed, result.Status);
        Assert.Equal(ExitCodes.ThresholdFailed, CompareGate.ExitCodeOf(result.Status));
        var regression = Assert.Single(result.Rows, r => r.IsRegression);
        Assert.Equal(new CellKey("node", "ws-fleet", 20), regression.Cell);
        Assert.Equal(MetricNames.LatencyP99, regression.Metric);
        Assert.Equal("regression", GateMarkdown.Word(regression.Comparison.Verdict));
        Assert.Equal(0.5, regression.Comparison.RelativeChange!.Value, 9);
        Assert.Contains("| node/ws-fleet/20 | latency.p99 | 5.10 ms | 7.65 ms | +50.0% | regression |", GateMarkdown.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_run_passes_with_every_metric_shown_unchanged()
    {
        var result = RegressionGate.Evaluate(GateSamples.Run(), GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal(ExitCodes.Ok, CompareGate.ExitCodeOf(result.Status));
        Assert.Equal(6, result.Rows.Count); // 2 backends × throughput, latency.p99, backend.rss.max; latency.max is not gated
        Assert.All(result.Rows, r => Assert.Equal(Verdict.Same, r.Comparison.Verdict));
        Assert.Empty(result.NotCompared);
    }

    [Fact]
    public void An_improvement_does_not_fail_the_gate()
    {
        var result = RegressionGate.Evaluate(GateSamples.Run(nodeP99Factor: 0.5), GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal(Verdict.Better, result.Rows.Single(r => r.Cell.Backend == "node" && r.Metric == MetricNames.LatencyP99).Comparison.Verdict);
    }

    [Fact]
    public void A_change_below_the_threshold_is_not_a_regression()
    {
        var result = RegressionGate.Evaluate(GateSamples.Run(nodeP99Factor: 1.05), GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.Passed, result.Status);
    }

    [Fact]
    public void A_looser_max_regression_lets_the_same_change_pass()
    {
        var result = RegressionGate.Evaluate(GateSamples.Run(nodeP99Factor: 1.5), GateSamples.Baseline(), GateRules.Default(0.6));

        Assert.Equal(GateStatus.Passed, result.Status);
    }

    [Fact]
    public void A_regression_with_one_lucky_trial_is_inconclusive_with_three_trials()
    {
        var run = GateSamples.Document("ci", null, [
            GateSamples.Cell("node", "ws-fleet", 1, 7.5, 50), GateSamples.Cell("node", "ws-fleet", 2, 7.8, 50), GateSamples.Cell("node", "ws-fleet", 3, 5.0, 50),
            .. GateSamples.Trials("python", 1)]);

        var result = RegressionGate.Evaluate(run, GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal(Verdict.Inconclusive, result.Rows.Single(r => r.Cell.Backend == "node" && r.Metric == MetricNames.LatencyP99).Comparison.Verdict);
    }

    [Fact]
    public void A_partial_run_is_refused_not_compared()
    {
        var run = GateSamples.Run(nodeP99Factor: 1.5) with { Partial = true, CompletedAt = null, Interruption = "interrupted (Ctrl-C or SIGTERM)" };

        var result = RegressionGate.Evaluate(run, GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.RunNotComparable, result.Status);
        Assert.Equal(ExitCodes.RunError, CompareGate.ExitCodeOf(result.Status));
        Assert.Empty(result.Rows);
        Assert.Contains(result.Refusals, r => r.Contains("partial (interrupted (Ctrl-C or SIGTERM))", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_that_saturated_the_generator_is_refused_not_compared()
    {
        var run = GateSamples.Document("ci", null, [
            .. GateSamples.Trials("node", 1.5).Take(2), GateSamples.Cell("node", "ws-fleet", 3, 9, 50, CellStatus.Saturated),
            .. GateSamples.Trials("python", 1)]);

        var result = RegressionGate.Evaluate(run, GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.RunNotComparable, result.Status);
        Assert.Empty(result.Rows);
        Assert.Equal("this run saturated the load generator in 1 cell(s) (node/ws-fleet/20/3): its figures understate the backend and are not compared", Assert.Single(result.Refusals));
    }

    [Fact]
    public void A_baseline_of_another_profile_is_refused_as_invalid()
    {
        var result = RegressionGate.Evaluate(GateSamples.Run(), GateSamples.Baseline(GateSamples.Run(profile: "quick")), Rules);

        Assert.Equal(GateStatus.InvalidBaseline, result.Status);
        Assert.Equal(ExitCodes.InvalidInput, CompareGate.ExitCodeOf(result.Status));
        Assert.Contains("profile 'quick', this run with 'ci'", Assert.Single(result.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_from_another_machine_class_is_refused_as_invalid()
    {
        var other = ResultsSamples.Environment() with { CpuModel = "Intel(R) Xeon(R) Platinum 8375C", Cores = 8 };

        var result = RegressionGate.Evaluate(GateSamples.Run(), GateSamples.Baseline(GateSamples.Run(environment: other)), Rules);

        Assert.Equal(GateStatus.InvalidBaseline, result.Status);
        Assert.Contains("another machine class (Intel(R) Xeon(R) Platinum 8375C, 8 CPUs, 24 GiB) than this run (AMD EPYC 7B13, 2 CPUs, 24 GiB)", Assert.Single(result.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_kernel_or_commit_on_the_same_machine_class_is_compared()
    {
        var updated = ResultsSamples.Environment() with { Kernel = "6.1.0-30-amd64", Git = new GitState("fedcba9876543210fedcba9876543210fedcba98", false) };

        var result = RegressionGate.Evaluate(GateSamples.Run(environment: updated), GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.Passed, result.Status);
    }

    [Fact]
    public void Only_cells_on_both_sides_are_compared_and_the_others_are_listed()
    {
        var run = GateSamples.Document("ci", null, [.. GateSamples.Trials("node", 1), .. GateSamples.Trials("dotnet", 1)]);

        var result = RegressionGate.Evaluate(run, GateSamples.Baseline(), Rules);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.All(result.Rows, r => Assert.Equal("node", r.Cell.Backend));
        Assert.Equal(["dotnet/ws-fleet/20: not in the baseline", "python/ws-fleet/20: in the baseline, not in this run"], result.NotCompared);
    }
}
