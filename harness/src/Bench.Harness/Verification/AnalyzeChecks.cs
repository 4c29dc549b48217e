using System.Globalization;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>Every shared analyze vector: the backend's numbers must match the reference within the contract's tolerance, anomalies exactly.</summary>
internal sealed class AnalyzeChecks : IContractCheckGroup
{
    private static readonly string[] Floats = ["mean", "std", "min", "max", "dominantHz"];

    public string Group => "analyze";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        foreach (var vector in context.Vectors.AnalyzeVectors)
        {
            var name = vector["name"]?.ToString() ?? "unnamed";
            var response = await context.Client.PostJsonAsync("/jobs/analyze", vector["request"]!.DeepClone(), cancellationToken).ConfigureAwait(false);
            var problem = response.Code == 200
                ? Compare(vector["expected"]!.AsObject(), response.Json as JsonObject, context.Vectors)
                : response.Describe();
            results.Add(problem is null ? CheckResult.Pass(Group, name) : CheckResult.Fail(Group, name, problem));
        }

        return results;
    }

    internal static string? Compare(JsonObject expected, JsonObject? actual, ContractVectors vectors)
    {
        if (actual is null)
        {
            return "response is not a JSON object";
        }

        if (!JsonNumbers.Equal(actual["n"], JsonNumbers.AsDouble(expected["n"]!)))
        {
            return $"n: expected {expected["n"]}, got {actual["n"]?.ToJsonString() ?? "nothing"}";
        }

        foreach (var key in Floats)
        {
            var want = JsonNumbers.AsDouble(expected[key]!);
            var got = actual[key];
            if (got?.GetValueKind() != System.Text.Json.JsonValueKind.Number
                || !JsonNumbers.Close(want, JsonNumbers.AsDouble(got), vectors.RelativeTolerance, vectors.AbsoluteTolerance))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{key}: expected {want:R}, got {got?.ToJsonString() ?? "nothing"}");
            }
        }

        return JsonNode.DeepEquals(expected["anomalies"], actual["anomalies"])
            ? null
            : $"anomalies: expected {Shorten(expected["anomalies"])}, got {Shorten(actual["anomalies"])}";
    }

    private static string Shorten(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "nothing";
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
