namespace Bench.Harness.Results;

/// <summary>Why a cell is not ok: a reason, the backend's exit status when it exited, and its last output lines.</summary>
internal sealed record CellFailure(string Reason, int? ExitStatus, IReadOnlyList<string> LastOutput);
