using System.Text;
using System.Text.Json.Nodes;
using Bench.Harness.Reporting.Report.Claims;
using Bench.Harness.Reporting.Report.Kernel;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Writes the decision report into a results folder: report.md, charts/ (SVG, PNG and Vega-Lite spec per chart,
/// through report-renderer), report.html (self-contained), and the renderer inputs under report-data/.
/// report.md does not depend on Node, so it is written even when rendering fails.
/// </summary>
internal static class ReportWriter
{
    public const string MarkdownFileName = "report.md";
    public const string HtmlFileName = "report.html";
    public const string DataFolder = "report-data";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Builds the document and report.md from a results document (and its kernel table, if any), without running anything.</summary>
    public static (Document.ReportDocument Document, ChartSet Charts, string Markdown) Compose(ResultsDocument results, KernelTableReading? kernel = null)
    {
        var model = ReportModelBuilder.Build(results, kernel);
        var claims = ClaimsEvaluator.Evaluate(model);
        var charts = ChartSpecsBuilder.Build(model);
        var document = ReportDocumentBuilder.Build(model, claims, charts);
        return (document, charts, MarkdownReport.Render(document));
    }

    public static async Task<ReportOutcome> WriteAsync(string resultsPath, RendererRunner renderer, CancellationToken cancellationToken)
    {
        var results = ResultsReader.Load(resultsPath);
        var directory = Directory.Exists(resultsPath) ? Path.GetFullPath(resultsPath) : Path.GetDirectoryName(Path.GetFullPath(resultsPath))!;
        var (document, charts, markdown) = Compose(results, KernelTableFile.Read(directory));
        var markdownPath = Path.Combine(directory, MarkdownFileName);
        await File.WriteAllTextAsync(markdownPath, markdown, Utf8, cancellationToken).ConfigureAwait(false);

        var chartsFolder = Path.Combine(directory, MarkdownReport.ChartsFolder);
        var dataFolder = Directory.CreateDirectory(Path.Combine(directory, DataFolder)).FullName;
        if (renderer.Problem() is { } missing)
        {
            return new ReportOutcome(directory, markdownPath, null, 0, [missing]);
        }

        // A report written again must not keep charts of an earlier layout: charts/ belongs to the report alone.
        if (Directory.Exists(chartsFolder))
        {
            Directory.Delete(chartsFolder, recursive: true);
        }

        Directory.CreateDirectory(chartsFolder);
        if (charts.Charts.Count > 0)
        {
            var chartsJson = Path.Combine(dataFolder, "charts.json");
            await File.WriteAllTextAsync(chartsJson, charts.ToJson(), Utf8, cancellationToken).ConfigureAwait(false);
            if (await renderer.RunAsync("render.js", chartsJson, chartsFolder, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return new ReportOutcome(directory, markdownPath, null, 0, [failed]);
            }
        }

        var reportJson = Path.Combine(dataFolder, "report.json");
        var html = HtmlReportBuilder.Build(document, id => JsonNode.Parse(File.ReadAllText(Path.Combine(chartsFolder, id + ".vl.json")))!);
        await File.WriteAllTextAsync(reportJson, html, Utf8, cancellationToken).ConfigureAwait(false);
        var htmlPath = Path.Combine(directory, HtmlFileName);
        var htmlFailed = await renderer.RunAsync("html.js", reportJson, htmlPath, cancellationToken).ConfigureAwait(false);
        return htmlFailed is null
            ? new ReportOutcome(directory, markdownPath, htmlPath, charts.Charts.Count, [])
            : new ReportOutcome(directory, markdownPath, null, charts.Charts.Count, [htmlFailed]);
    }
}
