using System.Text.Json.Serialization;

namespace Bench.Harness.Gate;

/// <summary>Source-generated JSON for the <c>baseline</c> block, in the style of results.json.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BaselineOrigin))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
