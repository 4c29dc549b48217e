using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bench.Harness.Orchestration;
using Bench.Harness.Results;

namespace Bench.Harness.Gate;

/// <summary>
/// The committed baseline (docs/regression-gate.md): a results.json of a complete run, same schemaVersion,
/// with each cell's histograms and time series removed (the gate needs only the per-trial metrics, and they
/// make up most of the file) and a <c>baseline</c> block naming its origin. A full results.json is accepted as
/// a baseline as it is.
/// </summary>
internal static class BaselineFile
{
    public const string OriginProperty = "baseline";

    // A committed file is read in code review: write "+00:00", not "\u002B00:00" (it is never embedded in HTML).
    private static readonly JsonWriterOptions ReadableJson = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a baseline or a results.json; any problem is an <see cref="InvalidInputException"/> (exit 2).</summary>
    public static Baseline Load(string path)
    {
        var results = ResultsReader.Load(path);
        var file = Directory.Exists(path) ? Path.Combine(path, ResultsWriter.ResultsFileName) : path;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var origin = json.RootElement.TryGetProperty(OriginProperty, out var block)
                ? block.Deserialize(BaselineJsonContext.Default.BaselineOrigin)
                : null;
            return new Baseline(path, results, origin);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException([$"{file}: the '{OriginProperty}' block is not valid: {ex.Message}"]);
        }
    }

    /// <summary>
    /// The baseline of a run: refused (listing every reason) when the run is partial or has a cell that is not ok,
    /// because such figures must never become what later runs are judged against.
    /// </summary>
    public static Baseline FromRun(ResultsDocument run, string source, string path, DateTimeOffset createdAt)
    {
        var problems = GateRefusals.OfRun(run);
        if (problems.Count > 0)
        {
            throw new InvalidInputException([.. problems.Select(p => $"{source}: cannot become a baseline: {p}")]);
        }

        var cells = run.Cells.Select(c => c with { Histograms = new Dictionary<string, HistogramRecord>(), Series = [] }).ToList();
        var origin = new BaselineOrigin(createdAt, source, MachineClass.Of(run.Environment).ToString(), run.Environment.Git?.Commit, run.Environment.Git?.Dirty);
        return new Baseline(path, run with { Cells = cells }, origin);
    }

    /// <summary>Writes atomically: schemaVersion first, then the origin block, then the run as results.json has it.</summary>
    public static void Save(Baseline baseline)
    {
        var run = JsonSerializer.SerializeToNode(baseline.Results, ResultsJsonContext.Default.ResultsDocument)!.AsObject();
        var file = new JsonObject { ["schemaVersion"] = run["schemaVersion"]!.DeepClone() };
        if (baseline.Origin is { } origin)
        {
            file[OriginProperty] = JsonSerializer.SerializeToNode(origin, BaselineJsonContext.Default.BaselineOrigin);
        }

        foreach (var (name, value) in run.Where(p => p.Key != "schemaVersion").ToList())
        {
            file[name] = value?.DeepClone();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(baseline.Path))!);
        AtomicFile.Write(baseline.Path, stream =>
        {
            using (var writer = new Utf8JsonWriter(stream, ReadableJson))
            {
                file.WriteTo(writer);
            }

            stream.WriteByte((byte)'\n'); // a committed text file ends with a newline
        });
    }
}
