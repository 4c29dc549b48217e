using System.Runtime.CompilerServices;
using System.Text.Json;
using Bench.Harness.Reporting.Report;
using Bench.Harness.Reporting.Report.Kernel;
using Bench.Harness.Results;

namespace Bench.UnitTests.Report;

/// <summary>
/// The report's kernel table section: a golden report.md for a small cpu-jobs run with a kernel table
/// (Golden/kernel/report.md; accept a deliberate change with BENCH_UPDATE_GOLDEN=1), the failure notice, and its absence.
/// </summary>
public sealed class KernelReportTests
{
    private static readonly string Golden = Path.Combine(SourceDirectory(), "Golden", "kernel");

    [Fact]
    public void The_kernel_table_section_matches_the_golden_file()
    {
        var (_, _, markdown) = ReportWriter.Compose(CpuJobs().Document(), KernelTableFile.Parse(KernelTableFixture.Json, "fixture"));

        var path = Path.Combine(Golden, "report.md");
        if (Environment.GetEnvironmentVariable("BENCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, markdown);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with BENCH_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), markdown);
    }

    [Fact]
    public void A_failed_kernel_phase_is_a_notice_in_the_kernel_section()
    {
        var (_, _, markdown) = ReportWriter.Compose(CpuJobs().Document(), KernelTableReading.Failed("timed out after 15 minutes (see micro/micro.log)"));

        Assert.Contains("## Kernel table", markdown, StringComparison.Ordinal);
        Assert.Contains("**Kernel table: failed**: timed out after 15 minutes (see micro/micro.log).", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_a_kernel_table_has_no_kernel_section()
    {
        var (_, _, markdown) = ReportWriter.Compose(CpuJobs().Document());

        Assert.DoesNotContain("Kernel table", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_kernel_table_still_gives_a_report_that_says_what_is_wrong()
    {
        var directory = Directory.CreateTempSubdirectory("bench-kernel-report-").FullName;
        try
        {
            var json = JsonSerializer.Serialize(CpuJobs().Document(), ResultsJsonContext.Default.ResultsDocument);
            await File.WriteAllTextAsync(Path.Combine(directory, ResultsWriter.ResultsFileName), json);
            Directory.CreateDirectory(Path.Combine(directory, KernelTableFile.Folder));
            await File.WriteAllTextAsync(KernelTableFile.PathIn(directory), "not json");

            // No renderer there: report.md is written, the charts and HTML are not, which is all this test needs.
            var outcome = await ReportWriter.WriteAsync(directory, new RendererRunner(Path.Combine(directory, "no-renderer")), CancellationToken.None);

            var markdown = await File.ReadAllTextAsync(outcome.Markdown);
            Assert.Contains("**Kernel table: failed**: micro/kernel-table.json is not valid JSON: ", markdown, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ReportResults CpuJobs() => new ReportResults()
        .Add("node", "cpu-jobs", 1000, 3, (MetricNames.JobsP99For(1024), [4.0, 4.2, 4.1]))
        .Add("python", "cpu-jobs", 1000, 3, (MetricNames.JobsP99For(1024), [9.0, 9.4, 9.2]));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
