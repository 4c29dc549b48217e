namespace Bench.Harness.Results;

/// <summary>The root of results.json (docs/results-format.md).</summary>
/// <param name="SchemaVersion">The format's version; readers refuse versions they do not know.</param>
/// <param name="Partial">True until the run completes: a crashed or interrupted run leaves a partial file holding every completed cell.</param>
/// <param name="Profile">The profile name.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="CompletedAt">When the run completed; null while partial.</param>
/// <param name="Interruption">Why a partial run stopped (for example an interrupt signal); null otherwise.</param>
/// <param name="Environment">Machine, runtimes, versions, git state and command line.</param>
/// <param name="Settings">Run settings worth keeping beside the figures (SLO, durations, CPU placement), as text.</param>
/// <param name="Cells">Every completed cell, in the order they ran.</param>
internal sealed record ResultsDocument(
    int SchemaVersion,
    bool Partial,
    string Profile,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    string? Interruption,
    EnvironmentManifest Environment,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<CellResult> Cells)
{
    public const int CurrentSchemaVersion = 1;
}
