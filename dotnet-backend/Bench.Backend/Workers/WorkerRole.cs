namespace Bench.Backend.Workers;

/// <summary>
/// Whether this process is one of the workers started by a supervisor (<c>--workers N</c> with N &gt; 1).
/// The supervisor marks its children through the environment, so the command line stays the contract's.
/// </summary>
internal static class WorkerRole
{
    public const string IndexVariable = "BENCH_WORKER_INDEX";

    /// <summary>The worker's index (0-based), or null in a process that was not started by a supervisor.</summary>
    public static int? Index { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(IndexVariable), System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    public static bool IsWorker => Index is not null;

    /// <summary>True when this process should supervise workers rather than serve.</summary>
    public static bool IsSupervisor(BackendOptions options) => options.Workers > 1 && !IsWorker;
}
