using System.Globalization;
using System.Runtime.CompilerServices;
using Bench.Harness.Reporting.Report;
using Bench.Harness.Results;

namespace Bench.UnitTests.Report;

/// <summary>
/// report.md and charts.json from the synthetic results beside the golden files (Golden/results.json: 3 trials, five
/// backends, a saturated and a crashed cell). To accept a deliberate change, run the tests with BENCH_UPDATE_GOLDEN=1
/// and review the diff.
/// </summary>
public sealed class ReportGoldenTests
{
    private static readonly string Golden = Path.Combine(SourceDirectory(), "Golden");

    [Fact]
    public void Report_markdown_matches_the_golden_file()
    {
        var (_, _, markdown) = ReportWriter.Compose(ResultsReader.Load(Path.Combine(Golden, "results.json")));

        AssertGolden("report.md", markdown);
    }

    [Fact]
    public void Charts_input_matches_the_golden_file()
    {
        var (_, charts, _) = ReportWriter.Compose(ResultsReader.Load(Path.Combine(Golden, "results.json")));

        AssertGolden("charts.json", charts.ToJson());
    }

    [Fact]
    public void A_decimal_comma_culture_gives_the_same_bytes()
    {
        var results = ResultsReader.Load(Path.Combine(Golden, "results.json"));
        var invariant = ReportWriter.Compose(results);
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = DecimalCommaCulture();
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));

            var german = ReportWriter.Compose(results);

            Assert.Equal(invariant.Markdown, german.Markdown);
            Assert.Equal(invariant.Charts.ToJson(), german.Charts.ToJson());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = original;
        }
    }

    // The build runs with invariant globalization (no ICU data), where "de-DE" cannot be created; a culture with
    // German number formatting is built by hand instead, which is what a decimal-comma machine changes.
    private static CultureInfo DecimalCommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = ".";
        culture.NumberFormat.CurrencyDecimalSeparator = ",";
        culture.NumberFormat.CurrencyGroupSeparator = ".";
        culture.DateTimeFormat.DateSeparator = ".";
        return culture;
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(Golden, name);
        if (Environment.GetEnvironmentVariable("BENCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with BENCH_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
