using System.Runtime.CompilerServices;
using Bench.Harness.Gate;
using Bench.Harness.Results;

namespace Bench.UnitTests.Gate;

/// <summary>The pull-request comment, compared with golden files under Gate/Golden (set BENCH_UPDATE_GOLDEN=1 to rewrite them after an intended change).</summary>
public class GateMarkdownTests
{
    [Fact]
    public void A_regression_renders_as_the_golden_comment()
    {
        var run = GateSamples.Document("ci", null, [.. GateSamples.Trials("node", 1.5), .. GateSamples.Trials("python", 1), .. GateSamples.Trials("dotnet", 1)]);

        var markdown = GateMarkdown.Render(RegressionGate.Evaluate(run, GateSamples.Baseline(), GateRules.Default()));

        AssertGolden("regression.md", markdown);
    }

    [Fact]
    public void A_refused_run_renders_as_the_golden_comment()
    {
        var run = GateSamples.Run() with { Partial = true, CompletedAt = null, Interruption = "interrupted (Ctrl-C or SIGTERM)" };

        var markdown = GateMarkdown.Render(RegressionGate.Evaluate(run, GateSamples.Baseline(), GateRules.Default()));

        AssertGolden("refused.md", markdown);
    }

    [Fact]
    public void One_trial_per_side_says_that_nothing_can_be_flagged()
    {
        var single = GateSamples.Document("ci", null, [GateSamples.Cell("node", "ws-fleet", 1, 9, 50)]);
        var baseline = GateSamples.Baseline(GateSamples.Document("ci", null, [GateSamples.Cell("node", "ws-fleet", 1, 5, 50)]));

        var result = RegressionGate.Evaluate(single, baseline, GateRules.Default());

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Contains("With 1 vs 1 trials no statistical test is possible", GateMarkdown.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_outside_the_rules_never_appear()
    {
        var markdown = GateMarkdown.Render(RegressionGate.Evaluate(GateSamples.Run(), GateSamples.Baseline(), GateRules.Default()));

        Assert.DoesNotContain(MetricNames.LatencyMax, markdown, StringComparison.Ordinal);
    }

    private static void AssertGolden(string name, string actual, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("BENCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing: run the tests once with BENCH_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
