using System.Text.Json;

namespace Bench.Python.Tests.Support;

/// <summary>One analyze vector of workloads/contract/vectors/analyze.json (contract §7).</summary>
internal sealed record AnalyzeVector(
    string Name, double[] Samples, double SampleRateHz, int Window, double Threshold, JsonElement Expected);

/// <summary>The shared analyze vectors, found by walking up from the test binaries to the folder holding Bench.sln.</summary>
internal static class ContractVectors
{
    private static readonly Lazy<IReadOnlyList<AnalyzeVector>> LazyAnalyze = new(LoadAnalyze);

    public static IReadOnlyList<AnalyzeVector> Analyze => LazyAnalyze.Value;

    public const double Tolerance = 1e-9;

    /// <summary>Within 1e-9 relative, or 1e-9 absolute where the expected value is below 1 in magnitude.</summary>
    public static bool Agrees(double expected, double actual) =>
        Math.Abs(actual - expected) <= Tolerance * Math.Max(1, Math.Abs(expected));

    private static List<AnalyzeVector> LoadAnalyze()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(FindRoot(), "workloads", "contract", "vectors", "analyze.json")));
        var vectors = new List<AnalyzeVector>();
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var request = vector.GetProperty("request");
            vectors.Add(new AnalyzeVector(
                vector.GetProperty("name").GetString()!,
                [.. request.GetProperty("samples").EnumerateArray().Select(s => s.GetDouble())],
                request.GetProperty("sampleRateHz").GetDouble(),
                request.TryGetProperty("window", out var window) && window.ValueKind == JsonValueKind.Number ? (int)window.GetDouble() : 64,
                request.TryGetProperty("threshold", out var threshold) && threshold.ValueKind == JsonValueKind.Number ? threshold.GetDouble() : 4.0,
                vector.GetProperty("expected").Clone()));
        }
        return vectors;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bench.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no Bench.sln above {AppContext.BaseDirectory}");
    }
}
