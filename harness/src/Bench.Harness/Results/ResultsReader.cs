using System.Text.Json;
using Bench.Harness.Orchestration;

namespace Bench.Harness.Results;

/// <summary>Loads a results.json back (for the report and the regression gate), refusing schema versions it does not know.</summary>
internal static class ResultsReader
{
    /// <summary>Reads <paramref name="path"/>: a results.json, or a run folder holding one. Problems are <see cref="InvalidInputException"/>s (exit 2).</summary>
    public static ResultsDocument Load(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, ResultsWriter.ResultsFileName) : path;
        if (!File.Exists(file))
        {
            throw new InvalidInputException([$"{file}: no such results file"]);
        }

        var bytes = File.ReadAllBytes(file);
        try
        {
            CheckSchemaVersion(file, bytes);
            return JsonSerializer.Deserialize(bytes, ResultsJsonContext.Default.ResultsDocument)
                ?? throw new InvalidInputException([$"{file}: holds null, not a results document"]);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException([$"{file}: not a valid results file (line {ex.LineNumber + 1}): {ex.Message}"]);
        }
    }

    private static void CheckSchemaVersion(string file, byte[] bytes)
    {
        using var json = JsonDocument.Parse(bytes);
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("schemaVersion", out var version)
            || version.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidInputException([$"{file}: has no numeric schemaVersion, so it is not a Bench results file"]);
        }

        if (!version.TryGetInt32(out var number) || number != ResultsDocument.CurrentSchemaVersion)
        {
            throw new InvalidInputException([
                $"{file}: schemaVersion {version.GetRawText()} is not supported: this Bench reads schemaVersion {ResultsDocument.CurrentSchemaVersion}. " +
                "Re-run the comparison with this version, or use the Bench version that wrote the file.",
            ]);
        }
    }
}
