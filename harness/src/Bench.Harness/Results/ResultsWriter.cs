using System.Globalization;
using System.Text.Json;

namespace Bench.Harness.Results;

/// <summary>
/// Writes a run's results incrementally: results.json is rewritten atomically after every cell with
/// <c>"partial": true</c> until <see cref="Complete"/>, so a crash or an interrupt at any moment leaves a valid
/// file holding every completed cell. timeseries.csv gains each cell's rows after its cell is in results.json.
/// </summary>
internal sealed class ResultsWriter
{
    public const string ResultsFileName = "results.json";
    public const string TimeSeriesFileName = "timeseries.csv";

    private readonly Lock _gate = new();
    private ResultsDocument _document;

    private ResultsWriter(string directory, ResultsDocument document)
    {
        Directory = directory;
        _document = document;
    }

    /// <summary>The run's folder.</summary>
    public string Directory { get; }

    public string ResultsPath => Path.Combine(Directory, ResultsFileName);

    public string TimeSeriesPath => Path.Combine(Directory, TimeSeriesFileName);

    /// <summary>What results.json holds now.</summary>
    public ResultsDocument Document
    {
        get
        {
            lock (_gate)
            {
                return _document;
            }
        }
    }

    /// <summary>results/&lt;UTC timestamp&gt;-&lt;profile&gt; under the repository root, with a suffix if that folder exists already.</summary>
    public static string DefaultDirectory(string root, string profile, DateTimeOffset startedAt)
    {
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var candidate = Path.Combine(root, "results", $"{stamp}-{profile}");
        for (var suffix = 2; System.IO.Directory.Exists(candidate); suffix++)
        {
            candidate = Path.Combine(root, "results", $"{stamp}-{profile}-{suffix}");
        }

        return candidate;
    }

    /// <summary>Creates the folder and writes a partial results.json with no cells yet, and the CSV header.</summary>
    public static ResultsWriter Create(
        string directory, string profile, DateTimeOffset startedAt, EnvironmentManifest environment, IReadOnlyDictionary<string, string> settings)
    {
        System.IO.Directory.CreateDirectory(directory);
        var document = new ResultsDocument(ResultsDocument.CurrentSchemaVersion, true, profile, startedAt, null, null, environment, settings, []);
        var writer = new ResultsWriter(directory, document);
        writer.Save(document);
        File.WriteAllText(writer.TimeSeriesPath, TimeSeriesCsv.Header + "\n");
        return writer;
    }

    /// <summary>Adds a completed cell. If writing fails (a non-finite metric, a full disk), the file and this writer keep their previous state.</summary>
    public void Add(CellResult cell)
    {
        lock (_gate)
        {
            var next = _document with { Cells = [.. _document.Cells, cell] };
            Save(next);
            _document = next;
            File.AppendAllText(TimeSeriesPath, TimeSeriesCsv.Rows(cell));
        }
    }

    /// <summary>Marks the run complete: <c>"partial": false</c>.</summary>
    public void Complete(DateTimeOffset completedAt) => Update(d => d with { Partial = false, CompletedAt = completedAt, Interruption = null });

    /// <summary>Records why the run stopped early; the file stays partial.</summary>
    public void MarkInterrupted(string reason) => Update(d => d with { Partial = true, Interruption = reason });

    private void Update(Func<ResultsDocument, ResultsDocument> change)
    {
        lock (_gate)
        {
            var next = change(_document);
            Save(next);
            _document = next;
        }
    }

    private void Save(ResultsDocument document) =>
        AtomicFile.Write(ResultsPath, stream => JsonSerializer.Serialize(stream, document, ResultsJsonContext.Default.ResultsDocument));
}
