using Bench.Harness.Gate;
using Bench.Harness.Orchestration;
using Bench.Harness.Results;
using Bench.UnitTests.Results;

namespace Bench.UnitTests.Gate;

public sealed class BaselineFileTests : IDisposable
{
    private readonly GateFiles _files = new();

    [Fact]
    public void A_baseline_keeps_every_trial_metric_and_the_environment_and_drops_histograms_and_series()
    {
        var path = _files.PathOf("baselines/ci.json");
        var written = BaselineFile.FromRun(GateSamples.Run(), "20260301T093000Z-ci", path, ResultsSamples.Start.AddHours(1));

        BaselineFile.Save(written);
        var read = BaselineFile.Load(path);

        Assert.Equal(6, read.Results.Cells.Count);
        Assert.Equal(GateSamples.P99, read.Results.Cells.Where(c => c.Backend == "node").Select(c => c.Metrics[MetricNames.LatencyP99].Value));
        Assert.All(read.Results.Cells, c => Assert.Empty(c.Histograms));
        Assert.All(read.Results.Cells, c => Assert.Empty(c.Series));
        Assert.Equal(ResultsSamples.Environment().CpuModel, read.Results.Environment.CpuModel);
        Assert.Equal(new BaselineOrigin(ResultsSamples.Start.AddHours(1), "20260301T093000Z-ci", "AMD EPYC 7B13, 2 CPUs, 24 GiB", "0123456789abcdef0123456789abcdef01234567", true), read.Origin);
    }

    [Fact]
    public void The_origin_block_follows_the_schema_version_at_the_top_of_the_file()
    {
        var path = _files.PathOf("ci.json");
        BaselineFile.Save(BaselineFile.FromRun(GateSamples.Run(), "run", path, ResultsSamples.Start));

        var text = File.ReadAllText(path);

        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"baseline\": {\n    \"createdAt\"", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_results_json_is_accepted_as_a_baseline()
    {
        var folder = _files.WriteRun("run", GateSamples.Run());

        var baseline = BaselineFile.Load(folder);

        Assert.Null(baseline.Origin);
        Assert.Equal(6, baseline.Results.Cells.Count);
        Assert.All(baseline.Results.Cells, c => Assert.NotEmpty(c.Histograms));
    }

    [Fact]
    public void A_partial_run_cannot_become_a_baseline()
    {
        var partial = GateSamples.Run() with { Partial = true, Interruption = "interrupted (Ctrl-C or SIGTERM)" };

        var error = Assert.Throws<InvalidInputException>(() => BaselineFile.FromRun(partial, "run", _files.PathOf("b.json"), ResultsSamples.Start));

        Assert.Contains("run: cannot become a baseline: this run is partial", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_saturated_run_cannot_become_a_baseline()
    {
        var saturated = GateSamples.Document("ci", null, [.. GateSamples.Trials("node", 1).Take(2), GateSamples.Cell("node", "ws-fleet", 3, 9, 50, CellStatus.Saturated)]);

        var error = Assert.Throws<InvalidInputException>(() => BaselineFile.FromRun(saturated, "run", _files.PathOf("b.json"), ResultsSamples.Start));

        Assert.Contains("saturated the load generator", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 2, \"cells\": []}", "schemaVersion 2 is not supported")]
    [InlineData("{\"cells\": []}", "has no numeric schemaVersion")]
    [InlineData("not json", "not a valid results file")]
    public void A_file_that_is_no_baseline_is_invalid_input(string content, string message)
    {
        var path = _files.PathOf("bad.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidInputException>(() => BaselineFile.Load(path));

        Assert.Contains(message, Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
