using System.Text;
using Bench.Harness.Reporting.Report.Document;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown: pipe tables, quoted warnings, and each chart
/// as an image linking its SVG (charts/&lt;id&gt;.svg) with links to its PNG and Vega-Lite spec. Lines end in \n on every
/// platform so the bytes are the same everywhere.
/// </summary>
internal static class MarkdownReport
{
    public const string ChartsFolder = "charts";

    public static string Render(ReportDocument document)
    {
        var text = new StringBuilder();
        Line(text, $"# {document.Title}");
        Line(text);
        Line(text, document.Lead);
        foreach (var section in document.Sections)
        {
            Line(text);
            Line(text, $"{new string('#', section.Level)} {section.Heading}");
            foreach (var block in section.Blocks)
            {
                Line(text);
                Block(text, block);
            }

            foreach (var chart in section.Charts)
            {
                Line(text);
                Line(text, $"![{Escape(chart.Caption)}]({ChartsFolder}/{chart.Id}.svg)");
                Line(text, $"*{Escape(chart.Caption)}* · [PNG]({ChartsFolder}/{chart.Id}.png) · [Vega-Lite spec]({ChartsFolder}/{chart.Id}.vl.json)");
            }
        }

        return text.ToString();
    }

    private static void Block(StringBuilder text, ReportBlock block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                Line(text, Escape(paragraph.Text));
                break;
            case NoticeBlock notice:
                Line(text, $"> ⚠ {Escape(notice.Text)}");
                break;
            case ListBlock list:
                list.Items.ToList().ForEach(item => Line(text, $"- {Escape(item)}"));
                break;
            case TableBlock table:
                Table(text, table);
                break;
            default:
                throw new ArgumentException($"Unknown block {block.GetType().Name}", nameof(block));
        }
    }

    private static void Table(StringBuilder text, TableBlock table)
    {
        Line(text, Row(table.Headers));
        Line(text, Row(table.Headers.Select((_, i) => table.NumericColumns.Contains(i) ? "---:" : "---")));
        foreach (var row in table.Rows)
        {
            Line(text, Row(row));
        }
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(Cell)) + " |";

    // A pipe ends a table cell and a line break ends the row: both are escaped so text from results.json
    // (failure reasons, command lines) cannot break the table.
    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    // Text is literal apart from the two inline marks the document model allows; '<' would start raw HTML.
    private static string Escape(string text) =>
        text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
