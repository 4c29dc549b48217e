using Bench.Harness.Orchestration;
using Bench.Harness.Reporting.Report;
using Bench.IntegrationTests.Supervision;
using Microsoft.Playwright;

namespace Bench.IntegrationTests.Report;

/// <summary>
/// Writes the whole report (Node renderer included) from the unit tests' synthetic results, opens report.html from
/// disk in headless Chromium with the network unused, and checks every chart rendered with no console error.
/// Screenshots of the page top and of its first chart are kept beside the test binaries (report-screenshot.png,
/// report-chart-screenshot.png) for a person to look at.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ReportHtmlTests : IDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("bench-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [ChromiumFact(Timeout = 240_000)]
    public async Task Report_html_opens_from_disk_with_every_chart_rendered_and_no_console_error()
    {
        var root = RepositoryRoot.Locate();
        File.Copy(Path.Combine(root, "harness/tests/Bench.UnitTests/Report/Golden/results.json"), Path.Combine(_directory, "results.json"));
        var outcome = await ReportWriter.WriteAsync(_directory, new RendererRunner(Path.Combine(root, "report-renderer")), CancellationToken.None);
        Assert.Empty(outcome.Problems);
        Assert.True(outcome.Charts > 10, $"only {outcome.Charts} charts were written");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");

        await page.GotoAsync(new Uri(outcome.Html!).AbsoluteUri);
        await page.WaitForSelectorAsync("html[data-charts='done']", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });

        var states = await page.EvalOnSelectorAllAsync<string[]>("figure.chart", "figures => figures.map(f => f.dataset.state)");
        var drawn = await page.EvalOnSelectorAllAsync<int>("figure.chart", "figures => figures.filter(f => f.querySelector('svg, canvas')).length");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png") });
        await page.Locator("figure.chart").First.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "report-chart-screenshot.png") });

        Assert.Equal(outcome.Charts, states.Length);
        Assert.All(states, state => Assert.Equal("rendered", state));
        Assert.Equal(outcome.Charts, drawn);
        Assert.Empty(problems);
    }
}
