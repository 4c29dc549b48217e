using Bench.Harness.Results;
using Spectre.Console;

namespace Bench.Harness.Reporting;

/// <summary>The table compare prints at the end: one row per cell with its status and headline figures.</summary>
internal static class CompareSummaryTable
{
    public static void Print(ResultsDocument document, string directory, IAnsiConsole console)
    {
        var table = new Table().Title("compare: " + Markup.Escape(document.Profile)).AddColumns("workload", "scale", "backend", "trial", "status", "figures");
        foreach (var cell in document.Cells.OrderBy(c => c.Workload, StringComparer.Ordinal).ThenBy(c => c.Scale).ThenBy(c => c.Backend, StringComparer.Ordinal).ThenBy(c => c.Trial))
        {
            table.AddRow(
                Markup.Escape(cell.Workload), cell.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(cell.Backend),
                cell.Trial.ToString(System.Globalization.CultureInfo.InvariantCulture), CompareLines.StatusMarkup(cell.Status),
                Markup.Escape(cell.Failure?.Reason is { } reason && cell.Status != CellStatus.Saturated ? Shorten(reason) : CompareLines.Headline(cell)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"results: [bold]{Path.Combine(directory, ResultsWriter.ResultsFileName)}[/]{(document.Partial ? " (partial)" : string.Empty)}");
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
