using Bench.Harness.Results;

namespace Bench.UnitTests.Gate;

/// <summary>A temporary folder holding results folders and baselines written the way Bench writes them.</summary>
internal sealed class GateFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("bench-gate-test-").FullName;

    /// <summary>Writes <paramref name="document"/> through <see cref="ResultsWriter"/> into a new results folder; returns the folder.</summary>
    public string WriteRun(string name, ResultsDocument document)
    {
        var directory = Path.Combine(Root, name);
        var writer = ResultsWriter.Create(directory, document.Profile, document.StartedAt, document.Environment, document.Settings);
        foreach (var cell in document.Cells)
        {
            writer.Add(cell);
        }

        if (document.Partial)
        {
            writer.MarkInterrupted(document.Interruption ?? "stopped");
        }
        else
        {
            writer.Complete(document.CompletedAt ?? document.StartedAt);
        }

        return directory;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
