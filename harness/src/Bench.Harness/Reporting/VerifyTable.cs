using Bench.Harness.Verification;
using Spectre.Console;

namespace Bench.Harness.Reporting;

/// <summary>verify's pass/fail table per backend and check group, then every failure with the backend's last output lines.</summary>
internal static class VerifyTable
{
    public static void Print(IReadOnlyList<BackendVerification> results, IAnsiConsole console)
    {
        var groups = results.SelectMany(r => r.Checks.Select(c => c.Group)).Distinct().ToList();
        var table = new Table().Title("Contract verification").AddColumn("backend");
        foreach (var group in groups)
        {
            table.AddColumn(new TableColumn(group).Centered());
        }

        table.AddColumn("verdict");
        foreach (var result in results)
        {
            var cells = new List<string> { Markup.Escape(result.Backend) };
            cells.AddRange(groups.Select(g => Cell(result.Checks.Where(c => c.Group == g).ToList())));
            cells.Add(result.Passed ? "[green]PASS[/]" : "[red]FAIL[/]");
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        foreach (var result in results.Where(r => r.Checks.Any(c => c.Outcome != CheckOutcome.Pass)))
        {
            PrintProblems(result, console);
        }
    }

    private static string Cell(IReadOnlyList<CheckResult> checks)
    {
        if (checks.Count == 0)
        {
            return "[grey]-[/]";
        }

        var failed = checks.Count(c => c.Outcome == CheckOutcome.Fail);
        var warned = checks.Count(c => c.Outcome == CheckOutcome.Warn);
        var passed = checks.Count - failed - warned;
        return failed > 0 ? $"[red]{passed}/{checks.Count}[/]" : warned > 0 ? $"[yellow]{passed}/{checks.Count}[/]" : $"[green]{passed}/{checks.Count}[/]";
    }

    private static void PrintProblems(BackendVerification result, IAnsiConsole console)
    {
        console.MarkupLineInterpolated($"[bold]{result.Backend}[/]:");
        foreach (var check in result.Checks.Where(c => c.Outcome != CheckOutcome.Pass))
        {
            var colour = check.Outcome == CheckOutcome.Fail ? "red" : "yellow";
            console.MarkupLine($"  [{colour}]{check.Outcome.ToString().ToUpperInvariant()}[/] {Markup.Escape(check.Group)}: {Markup.Escape(check.Name)} — {Markup.Escape(check.Detail ?? string.Empty)}");
        }

        if (result.Passed || result.LastOutput.Count == 0)
        {
            return;
        }

        console.MarkupLine("  [grey]last output lines:[/]");
        foreach (var line in result.LastOutput.TakeLast(15))
        {
            console.MarkupLineInterpolated($"    [grey]{line}[/]");
        }
    }
}
