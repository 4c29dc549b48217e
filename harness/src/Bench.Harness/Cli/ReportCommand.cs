using System.CommandLine;
using Bench.Harness.Orchestration;
using Bench.Harness.Reporting.Report;
using Spectre.Console;

namespace Bench.Harness.Cli;

/// <summary><c>bench report &lt;results dir&gt;</c>: report.md, report.html and charts/ from a results.json (docs/report.md).</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var results = new Argument<string>("results") { Description = "A results folder (or its results.json) written by bench compare" };
        var command = new Command("report", "Write the decision report (report.md, report.html, charts/) for a results folder") { results };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(results)!, AnsiConsole.Console, ct));
        return command;
    }

    /// <summary>Writes the report and prints where it is; compare calls this at its end. Exit 0, or 3 when charts or HTML failed.</summary>
    internal static async Task<int> RunAsync(string resultsPath, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var renderer = new RendererRunner(Path.Combine(RepositoryRoot.Locate(), "report-renderer"));
        ReportOutcome outcome;
        try
        {
            outcome = await ReportWriter.WriteAsync(resultsPath, renderer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]report: cannot write the report: {ex.Message}[/]");
            return ExitCodes.RunError;
        }

        console.MarkupLineInterpolated($"report: [bold]{outcome.Markdown}[/]");
        if (outcome.Html is { } html)
        {
            console.MarkupLineInterpolated($"report: [bold]{html}[/] ({outcome.Charts} charts in {Path.Combine(outcome.Directory, MarkdownReport.ChartsFolder)})");
        }

        foreach (var problem in outcome.Problems)
        {
            console.MarkupLineInterpolated($"[yellow]report: {problem}[/]");
        }

        return outcome.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.RunError;
    }
}
