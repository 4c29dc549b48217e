using Bench.Harness.Results;

namespace Bench.Harness.Gate;

/// <summary>A baseline as read: the run's document (cells with per-trial metrics and the environment) and its origin.</summary>
/// <param name="Path">The file it was read from, for messages.</param>
/// <param name="Results">The run the gate compares against.</param>
/// <param name="Origin">The <c>baseline</c> block; null when the file is a plain results.json.</param>
internal sealed record Baseline(string Path, ResultsDocument Results, BaselineOrigin? Origin);
