using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>The shared test vectors in workloads/contract/vectors/, as every backend's suite and verify read them.</summary>
internal sealed record ContractVectors(JsonObject Analyze, JsonObject Invalid, JsonObject Telemetry)
{
    public const string RelativeDirectory = "workloads/contract/vectors";

    public static ContractVectors Load(string root)
    {
        var dir = Path.Combine(root, RelativeDirectory);
        JsonObject Read(string file) =>
            JsonNode.Parse(File.ReadAllText(Path.Combine(dir, file)))?.AsObject()
            ?? throw new InvalidDataException($"{RelativeDirectory}/{file} is not a JSON object");

        return new ContractVectors(Read("analyze.json"), Read("invalid.json"), Read("telemetry.json"));
    }

    public IEnumerable<JsonObject> AnalyzeVectors => Items(Analyze, "vectors");

    public IEnumerable<JsonObject> InvalidVectors => Items(Invalid, "vectors");

    public IEnumerable<JsonObject> ValidReadings => Items(Telemetry, "valid");

    public IEnumerable<JsonObject> ExpectedStates => Items(Telemetry, "states");

    public IEnumerable<JsonObject> InvalidFrames => Items(Telemetry, "invalidFrames");

    public double RelativeTolerance => Analyze["tolerance"]?["relative"]?.GetValue<double>() ?? 1e-9;

    public double AbsoluteTolerance => Analyze["tolerance"]?["absolute"]?.GetValue<double>() ?? 1e-9;

    private static IEnumerable<JsonObject> Items(JsonObject file, string key) =>
        file[key]?.AsArray().OfType<JsonObject>() ?? [];
}
