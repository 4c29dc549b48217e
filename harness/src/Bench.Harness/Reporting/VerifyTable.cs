using Bench.Harness.Verification;
using Spectre.Console;

namespace Bench.Harness.Reporting;

/// <summary>verify's pass/fail table per backend and check group, then every failure with the backend's last output lines.</summary>
internal static class VerifyTable
{
    public static void Print(IReadOnlyList<BackendVerification> results, IAnsiConsole console)
    {
        // One row per check group and one column per backend: backends are few, groups are many.
        var groups = results.SelectMany(r => r.Checks.Select(c => c.Group)).Distinct().ToList();
        var table = new Table().Title("Contract verification").AddColumn("check group");
        foreach (var result in results)
        {
            table.AddColumn(new TableColumn(Markup.Escape(result.Backend)).Centered());
        }

        foreach (var group in groups)
        {
            table.AddRow([Markup.Escape(group), .. results.Select(r => Cell(r.Checks.Where(c => c.Group == group).ToList()))]);
        }

        table.AddRow(["[bold]verdict[/]", .. results.Select(r => r.Passed ? "[green]PASS[/]" : "[red]FAIL[/]")]);
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
