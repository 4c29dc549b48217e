namespace Bench.Harness.Preflight;

/// <summary>How a preflight finding affects the run.</summary>
internal enum PreflightSeverity
{
    /// <summary>A value worth printing; the plan fits.</summary>
    Info,

    /// <summary>The run can go ahead but its numbers may be distorted (for example by accept-queue overflows).</summary>
    Warning,

    /// <summary>The plan cannot work on this host; the run is refused before anything starts.</summary>
    Error,
}
