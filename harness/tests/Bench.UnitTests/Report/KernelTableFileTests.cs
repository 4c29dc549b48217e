using Bench.Harness.Reporting.Report.Kernel;

namespace Bench.UnitTests.Report;

public sealed class KernelTableFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bench-kernel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_results_folder_without_micro_has_no_kernel_table()
    {
        var reading = KernelTableFile.Read(_directory);

        Assert.False(reading.IsPresent);
        Assert.Same(KernelTableReading.Absent, reading);
    }

    [Fact]
    public void A_valid_table_is_read_with_its_rows_in_ascending_order_and_missing_cells_as_null()
    {
        Write(KernelTableFile.FileName, KernelTableFixture.Json);

        var table = KernelTableFile.Read(_directory).Table;

        Assert.NotNull(table);
        Assert.Equal([1024, 4096], table.Rows.Select(r => r.N));
        Assert.Null(table.Rows[0].Node);
        Assert.Equal(new KernelMeasurement(91_700, 7_700, 24_208, "BenchmarkDotNet"), table.Rows[0].CSharp);
        Assert.Null(table.Rows[1].Node!.AllocatedBytes);
    }

    [Fact]
    public void Malformed_json_is_a_problem_that_names_the_file()
    {
        Write(KernelTableFile.FileName, "{ \"unit\": \"ns\", \"rows\": [ { \"n\": ");

        var reading = KernelTableFile.Read(_directory);

        Assert.Null(reading.Table);
        Assert.StartsWith("micro/kernel-table.json is not valid JSON: ", reading.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "unit": "ms", "rows": [] }""", "micro/kernel-table.json has unit 'ms', expected 'ns'")]
    [InlineData("""{ "unit": "ns", "rows": [] }""", "micro/kernel-table.json has no rows")]
    [InlineData("""{ "unit": "ns", "rows": [ { "n": 0 } ] }""", "micro/kernel-table.json has a row with n = 0, expected a positive sample count")]
    [InlineData("""{ "unit": "ns", "rows": [ { "n": 1024, "node": { "meanNs": -1, "stdDevNs": 1 } } ] }""",
        "micro/kernel-table.json has a non-positive or non-finite mean or standard deviation at n = 1024")]
    [InlineData("""{ "unit": "ns", "rows": [ { "n": 1024, "cSharp": null, "pythonInProcess": null, "node": null } ] }""",
        "micro/kernel-table.json has no measured cell (every kernel failed; see micro/micro.log)")]
    public void A_table_that_cannot_be_used_says_why(string json, string problem)
    {
        Assert.Equal(problem, KernelTableFile.Parse(json, "micro/kernel-table.json").Problem);
    }

    [Fact]
    public void A_recorded_failure_is_read_back_as_the_problem()
    {
        KernelTableFile.WriteFailure(_directory, "timed out after 15 minutes (see micro/micro.log)");

        var reading = KernelTableFile.Read(_directory);

        Assert.True(reading.IsPresent);
        Assert.Equal("timed out after 15 minutes (see micro/micro.log)", reading.Problem);
    }

    private void Write(string name, string text)
    {
        Directory.CreateDirectory(Path.Combine(_directory, KernelTableFile.Folder));
        File.WriteAllText(Path.Combine(_directory, KernelTableFile.Folder, name), text);
    }
}
