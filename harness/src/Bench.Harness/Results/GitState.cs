namespace Bench.Harness.Results;

/// <summary>The repository's HEAD commit and whether the working tree differed from it (untracked files included).</summary>
internal sealed record GitState(string Commit, bool Dirty);
