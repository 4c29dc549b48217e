namespace Bench.Harness.Supervision;

/// <summary>Lifecycle of a supervised child process.</summary>
internal enum ProcessState
{
    Created,
    Starting,
    Ready,
    Stopping,
    Exited,
}
