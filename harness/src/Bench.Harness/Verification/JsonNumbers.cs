using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>Comparisons of JSON values with the contract's tolerance: relative, or absolute where the expected value is below 1.</summary>
internal static class JsonNumbers
{
    public static bool Close(double expected, double actual, double relative, double absolute) =>
        Math.Abs(expected) < 1 ? Math.Abs(expected - actual) <= absolute : Math.Abs(expected - actual) <= relative * Math.Abs(expected);

    public static bool Equal(JsonNode? node, double expected) =>
        node?.GetValueKind() == JsonValueKind.Number && AsDouble(node) == expected;

    /// <summary>Any JSON number as a double, whether parsed from text or built from a CLR integer.</summary>
    public static double AsDouble(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The first field of <paramref name="expected"/> that <paramref name="actual"/> lacks or differs in; null when all agree.</summary>
    public static string? FirstMismatch(JsonObject expected, JsonObject? actual, double tolerance)
    {
        if (actual is null)
        {
            return "response is not a JSON object";
        }

        foreach (var (key, value) in expected)
        {
            var got = actual[key];
            var same = value?.GetValueKind() == JsonValueKind.Number
                ? got?.GetValueKind() == JsonValueKind.Number && Close(AsDouble(value), AsDouble(got), tolerance, tolerance)
                : JsonNode.DeepEquals(value, got);
            if (!same)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{key}: expected {value?.ToJsonString() ?? "null"}, got {got?.ToJsonString() ?? "nothing"}");
            }
        }

        return null;
    }
}
