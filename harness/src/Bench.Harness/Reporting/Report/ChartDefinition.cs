using System.Text.Json.Nodes;

namespace Bench.Harness.Reporting.Report;

/// <summary>One chart of charts.json (report-renderer/README.md): kind, titles and the rows it plots.</summary>
/// <param name="Id">File name stem: charts/&lt;id&gt;.svg, .png, .vl.json.</param>
/// <param name="Kind">A report-renderer chart kind.</param>
/// <param name="Title">Subject of the chart; the renderer adds the workload, scale and machine.</param>
/// <param name="Workload">Workload the chart belongs to (its report section).</param>
/// <param name="ScaleText">The scale in words, e.g. "1,000 devices".</param>
/// <param name="Rows">The data rows, fields as the kind expects.</param>
/// <param name="Options">Kind options (for example the throughput unit); null for none.</param>
internal sealed record ChartDefinition(string Id, string Kind, string Title, string Workload, string ScaleText, JsonArray Rows, JsonObject? Options = null)
{
    public JsonObject ToJson()
    {
        var chart = new JsonObject
        {
            ["id"] = Id,
            ["kind"] = Kind,
            ["title"] = Title,
            ["workload"] = Workload,
            ["scale"] = ScaleText,
        };
        foreach (var (name, value) in Options ?? [])
        {
            chart[name] = value?.DeepClone();
        }

        chart["data"] = Rows.DeepClone();
        return chart;
    }
}
