namespace Bench.Harness.Supervision;

/// <summary>
/// How a stop ended: the exit code, whether SIGTERM sufficed, whether the child had already gone, and whether members
/// of its process group (workers) were still alive after it exited and had to be killed.
/// </summary>
internal sealed record StopResult(int ExitCode, bool Graceful, bool AlreadyExited, bool LeftoversKilled)
{
    /// <summary>The contract's clean stop: exit 0 on SIGTERM within the grace period, nothing left behind.</summary>
    public bool Clean => Graceful && ExitCode == 0 && !LeftoversKilled;
}
