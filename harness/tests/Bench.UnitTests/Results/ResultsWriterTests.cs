using System.Text.Json;
using Bench.Harness.Orchestration;
using Bench.Harness.Results;
using Bench.Load.Recording;

namespace Bench.UnitTests.Results;

public sealed class ResultsWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("bench-results-").FullName, "run");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    [Fact]
    public void A_completed_run_reads_back_equal_to_what_was_written()
    {
        var writer = Create();
        writer.Add(ResultsSamples.Cell("node"));
        writer.Add(ResultsSamples.Crashed("python"));
        writer.Complete(ResultsSamples.Start.AddMinutes(5));

        var read = ResultsReader.Load(_directory);

        Assert.Equal(Json(writer.Document), Json(read));
        Assert.False(read.Partial);
        Assert.Equal(ResultsDocument.CurrentSchemaVersion, read.SchemaVersion);
        Assert.Equal(["node", "python"], read.Cells.Select(c => c.Backend));
        Assert.Equal(137, read.Cells[1].Failure!.ExitStatus);
        Assert.Equal(12.5, read.Cells[0].Metrics[MetricNames.LatencyP99].Value);
        Assert.False(read.Cells[0].Metrics[MetricNames.LatencyP99].HigherIsBetter);
        Assert.Equal(1000, HistogramEncoding.DecodeCompressedBase64(read.Cells[0].Histograms["latency"].Data).TotalCount);
    }

    [Fact]
    public void The_file_is_valid_and_partial_after_creation_and_after_every_cell()
    {
        var writer = Create();
        Assert.Empty(ResultsReader.Load(_directory).Cells);

        for (var trial = 1; trial <= 3; trial++)
        {
            writer.Add(ResultsSamples.Cell("dotnet", trial));

            var read = ResultsReader.Load(writer.ResultsPath);
            Assert.True(read.Partial);
            Assert.Null(read.CompletedAt);
            Assert.Equal(trial, read.Cells.Count);
        }

        writer.MarkInterrupted("interrupted (SIGINT)");
        var interrupted = ResultsReader.Load(_directory);
        Assert.True(interrupted.Partial);
        Assert.Equal("interrupted (SIGINT)", interrupted.Interruption);
    }

    [Fact]
    public void A_cell_that_cannot_be_serialised_leaves_the_previous_file_and_state_intact()
    {
        var writer = Create();
        writer.Add(ResultsSamples.Cell("node"));
        var before = File.ReadAllBytes(writer.ResultsPath);

        // JSON has no NaN: serialisation throws part-way through the document.
        Assert.ThrowsAny<ArgumentException>(() => writer.Add(ResultsSamples.Cell("python", p99: double.NaN)));

        Assert.Equal(before, File.ReadAllBytes(writer.ResultsPath));
        Assert.Single(writer.Document.Cells);
        Assert.Equal(["results.json", "timeseries.csv"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
        writer.Add(ResultsSamples.Cell("dotnet"));
        Assert.Equal(["node", "dotnet"], ResultsReader.Load(_directory).Cells.Select(c => c.Backend));
    }

    [Fact]
    public void Timeseries_csv_holds_one_row_per_point_of_every_written_cell()
    {
        var writer = Create();
        writer.Add(ResultsSamples.Cell("node"));
        writer.Add(ResultsSamples.Crashed("python"));

        Assert.Equal(
            [
                "backend,workload,scale,trial,series,unit,seconds,value",
                "node,ws-fleet,1000,1,backend.cpu,%,1,40.5",
                "node,ws-fleet,1000,1,backend.cpu,%,2,55",
                "node,ws-fleet,1000,1,backend.cpu,%,3,61.25",
            ],
            File.ReadAllLines(writer.TimeSeriesPath));
    }

    [Fact]
    public void The_json_uses_lowercase_statuses_camel_case_names_and_metric_descriptors()
    {
        var writer = Create();
        writer.Add(ResultsSamples.Crashed("python"));

        using var json = JsonDocument.Parse(File.ReadAllText(writer.ResultsPath));
        var root = json.RootElement;
        var cell = root.GetProperty("cells")[0];

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.True(root.GetProperty("partial").GetBoolean());
        Assert.Equal("crashed", cell.GetProperty("status").GetString());
        Assert.Equal("Killed", cell.GetProperty("failure").GetProperty("lastOutput")[1].GetString());
        Assert.Equal(20000, root.GetProperty("environment").GetProperty("openFilesLimit").GetProperty("soft").GetInt64());
        Assert.False(root.TryGetProperty("completedAt", out _));
    }

    [Fact]
    public void The_default_folder_is_a_utc_timestamp_and_the_profile_and_never_reuses_a_folder()
    {
        var root = Path.GetDirectoryName(_directory)!;
        var first = ResultsWriter.DefaultDirectory(root, "quick", new DateTimeOffset(2026, 3, 1, 10, 30, 5, TimeSpan.FromHours(1)));
        Directory.CreateDirectory(first);
        var second = ResultsWriter.DefaultDirectory(root, "quick", new DateTimeOffset(2026, 3, 1, 10, 30, 5, TimeSpan.FromHours(1)));

        Assert.Equal(Path.Combine(root, "results", "20260301T093005Z-quick"), first);
        Assert.Equal(Path.Combine(root, "results", "20260301T093005Z-quick-2"), second);
    }

    [Fact]
    public void The_reader_refuses_an_unknown_schema_version_clearly()
    {
        Create();
        var path = Path.Combine(_directory, ResultsWriter.ResultsFileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => ResultsReader.Load(path));

        Assert.Contains("schemaVersion 2 is not supported: this Bench reads schemaVersion 1", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"cells\": []}", "has no numeric schemaVersion")]
    [InlineData("{\"schemaVersion\": 1, \"cells\": [", "not a valid results file")]
    [InlineData("[1, 2]", "has no numeric schemaVersion")]
    public void The_reader_refuses_files_that_are_not_results(string content, string expected)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "results.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidInputException>(() => ResultsReader.Load(path));

        Assert.Contains(expected, Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    private ResultsWriter Create() =>
        ResultsWriter.Create(_directory, "quick", ResultsSamples.Start, ResultsSamples.Environment(), new Dictionary<string, string> { ["slo.p99Ms"] = "50" });

    private static string Json(ResultsDocument document) => JsonSerializer.Serialize(document, ResultsJsonContext.Default.ResultsDocument);
}
