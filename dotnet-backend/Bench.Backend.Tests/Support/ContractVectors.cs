using System.Text;
using System.Text.Json;

namespace Bench.Backend.Tests.Support;

/// <summary>The shared test vectors of workloads/contract/vectors (contract §7), read as plain JSON.</summary>
internal static class ContractVectors
{
    private static readonly Lazy<JsonDocument> AnalyzeDocument = new(() => Load("analyze.json"));
    private static readonly Lazy<JsonDocument> InvalidDocument = new(() => Load("invalid.json"));
    private static readonly Lazy<JsonDocument> TelemetryDocument = new(() => Load("telemetry.json"));

    public static JsonElement Analyze => AnalyzeDocument.Value.RootElement;

    public static JsonElement Invalid => InvalidDocument.Value.RootElement;

    public static JsonElement Telemetry => TelemetryDocument.Value.RootElement;

    /// <summary>Vector names, for xunit theories (names keep the test list readable and stable).</summary>
    public static TheoryData<string> Names(JsonElement document)
    {
        var names = new TheoryData<string>();
        foreach (var vector in document.GetProperty("vectors").EnumerateArray())
            names.Add(vector.GetProperty("name").GetString()!);
        return names;
    }

    /// <summary>The names of the invalid vectors for one route and status.</summary>
    public static TheoryData<string> InvalidNames(string path, int status)
    {
        var names = new TheoryData<string>();
        foreach (var vector in Invalid.GetProperty("vectors").EnumerateArray())
        {
            if (vector.GetProperty("path").GetString() == path && vector.GetProperty("expectedStatus").GetInt32() == status)
                names.Add(vector.GetProperty("name").GetString()!);
        }
        return names;
    }

    public static JsonElement Find(JsonElement document, string name) =>
        document.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    /// <summary>An invalid vector's body: <c>body</c>, or <c>prefix + unit * count + suffix</c>.</summary>
    public static byte[] Body(JsonElement vector)
    {
        if (vector.TryGetProperty("body", out var body))
            return Encoding.UTF8.GetBytes(body.GetString()!);
        var repeat = vector.GetProperty("bodyRepeat");
        var text = new StringBuilder(repeat.GetProperty("prefix").GetString());
        text.Insert(text.Length, repeat.GetProperty("unit").GetString(), repeat.GetProperty("count").GetInt32());
        text.Append(repeat.GetProperty("suffix").GetString());
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static JsonDocument Load(string fileName)
    {
        var path = RepositoryPaths.Vectors(fileName);
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }
}
