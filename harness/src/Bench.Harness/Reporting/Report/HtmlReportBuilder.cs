using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bench.Harness.Reporting.Report.Document;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Builds report.json for report-renderer's html.js: <c>{"title", "sections": [{"heading", "html", "charts"}], "specs"}</c>.
/// Each top-level section carries its subsections as h3 inside its HTML, so the page's contents list stays short.
/// </summary>
internal static class HtmlReportBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="document">The report.</param>
    /// <param name="specOf">The Vega-Lite spec of a chart id (charts/&lt;id&gt;.vl.json as render.js wrote it).</param>
    public static string Build(ReportDocument document, Func<string, JsonNode> specOf)
    {
        var sections = new JsonArray();
        var specs = new JsonObject();
        foreach (var (top, subsections) in Grouped(document.Sections))
        {
            var html = new StringBuilder();
            if (sections.Count == 0)
            {
                html.Append("<p class=\"lead\">").Append(InlineMarkup.ToHtml(document.Lead)).Append("</p>\n");
            }

            Blocks(html, top.Blocks);
            foreach (var sub in subsections)
            {
                html.Append("<h3>").Append(InlineMarkup.ToHtml(sub.Heading)).Append("</h3>\n");
                Blocks(html, sub.Blocks);
            }

            var charts = top.Charts.Concat(subsections.SelectMany(s => s.Charts)).Select(c => c.Id).ToList();
            charts.Where(id => !specs.ContainsKey(id)).ToList().ForEach(id => specs[id] = specOf(id));
            sections.Add(new JsonObject
            {
                ["heading"] = top.Heading,
                ["html"] = html.ToString(),
                ["charts"] = new JsonArray([.. charts.Select(id => (JsonNode)id)]),
            });
        }

        var root = new JsonObject { ["title"] = document.Title, ["sections"] = sections, ["specs"] = specs };
        return root.ToJsonString(Indented) + "\n";
    }

    private static List<(ReportSection Top, List<ReportSection> Subsections)> Grouped(IReadOnlyList<ReportSection> sections)
    {
        var groups = new List<(ReportSection, List<ReportSection>)>();
        foreach (var section in sections)
        {
            if (section.Level <= 2 || groups.Count == 0)
            {
                groups.Add((section, []));
            }
            else
            {
                groups[^1].Item2.Add(section);
            }
        }

        return groups;
    }

    private static void Blocks(StringBuilder html, IEnumerable<ReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            html.Append(block switch
            {
                ParagraphBlock p => $"<p>{InlineMarkup.ToHtml(p.Text)}</p>",
                NoticeBlock n => $"<blockquote class=\"notice\" role=\"note\"><p>⚠ {InlineMarkup.ToHtml(n.Text)}</p></blockquote>",
                ListBlock l => "<ul>" + string.Concat(l.Items.Select(i => $"<li>{InlineMarkup.ToHtml(i)}</li>")) + "</ul>",
                TableBlock t => Table(t),
                _ => throw new ArgumentException($"Unknown block {block.GetType().Name}", nameof(blocks)),
            }).Append('\n');
        }
    }

    private static string Table(TableBlock table)
    {
        string Cell(string tag, string text, int column) =>
            table.NumericColumns.Contains(column) ? $"<{tag} style=\"text-align:right\">{InlineMarkup.ToHtml(text)}</{tag}>" : $"<{tag}>{InlineMarkup.ToHtml(text)}</{tag}>";
        var head = string.Concat(table.Headers.Select((h, i) => Cell("th", h, i)));
        var body = string.Concat(table.Rows.Select(r => "<tr>" + string.Concat(r.Select((c, i) => Cell("td", c, i))) + "</tr>"));
        return $"<div style=\"overflow-x:auto\"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>";
    }
}
