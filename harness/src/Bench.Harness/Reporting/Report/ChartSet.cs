using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bench.Harness.Reporting.Report;

/// <summary>Everything report-renderer's render.js needs: the machine for the titles, the backend order, the charts.</summary>
internal sealed record ChartSet(string Machine, IReadOnlyList<string> Backends, IReadOnlyList<ChartDefinition> Charts)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>charts.json: <c>{"machine", "backends": [{"name"}], "charts": [...]}</c>.</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["machine"] = Machine,
            ["backends"] = new JsonArray([.. Backends.Select(b => (JsonNode)new JsonObject { ["name"] = b })]),
            ["charts"] = new JsonArray([.. Charts.Select(c => (JsonNode)c.ToJson())]),
        };
        return root.ToJsonString(Indented) + "\n";
    }
}
