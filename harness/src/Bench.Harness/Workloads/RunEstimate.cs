namespace Bench.Harness.Workloads;

/// <summary>How long a profile takes, estimated before anything starts, so a budget is checked up front.</summary>
internal static class RunEstimate
{
    /// <summary>
    /// The kernel table (compare's last phase when the profile sets <c>kernelTable: true</c>): BenchmarkDotNet building
    /// and running the eight analyze-kernel benchmarks with its short job, then the Node.js kernel: 3 min 17 s measured
    /// on this 2-core machine while other builds ran, rounded up.
    /// </summary>
    public static readonly TimeSpan KernelTable = TimeSpan.FromMinutes(4);

    /// <summary>
    /// Every cell (backend × workload × scale × trial) costs the budget's start-up allowance, the warm-up, the
    /// connection ramp of fleet workloads, and the measured phase (for a rate ladder: every step, as if none
    /// broke the SLO). Workloads that do not scale with devices run once per trial. The kernel table, when the
    /// profile asks for it, runs once.
    /// </summary>
    public static TimeSpan For(ProfileSpec profile, int backendCount) =>
        For(profile, workload => (workload.RequiredFeature is null ? backendCount : 0)
            + (profile.Variants.TryGetValue(workload.Name, out var variants) ? variants.Count : 0));

    /// <summary>
    /// The estimate for these backends: each workload counts the backends that run it (<see cref="ProfileSpec.Runs"/>:
    /// a workload that needs a feature only those offering it; a variant only where the profile lists it).
    /// </summary>
    public static TimeSpan For(ProfileSpec profile, IReadOnlyList<Orchestration.BackendSpec> backends) =>
        For(profile, workload => backends.Count(b => profile.Runs(b, workload)));

    /// <summary>The estimate when <paramref name="runners"/> says how many backends run each workload.</summary>
    public static TimeSpan For(ProfileSpec profile, Func<WorkloadSpec, int> runners)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(runners);
        var startup = profile.Budget?.StartupPerCell ?? TimeSpan.Zero;
        var perTrial = TimeSpan.Zero;
        foreach (var workload in profile.Workloads)
        {
            var scales = workload.ScalesWithDevices ? profile.Scales : profile.Scales.Take(1);
            // mixed and pipeline run their fleet twice (alone, then with the jobs or analytics), ramp and warm-up included.
            var runs = workload.Kind is WorkloadKind.Mixed or WorkloadKind.Pipeline ? 2 : 1;
            foreach (var devices in scales)
            {
                var cell = startup + (runs * (profile.Durations.Warmup + Ramp(workload, devices) + Measured(workload, profile.Durations)));
                perTrial += cell * runners(workload);
            }
        }

        return (perTrial * profile.Trials) + (profile.KernelTable ? KernelTable : TimeSpan.Zero);
    }

    /// <summary>The recorded time of one cell: the ladder's steps, or the measure duration.</summary>
    public static TimeSpan Measured(WorkloadSpec workload, PhaseDurations durations) =>
        workload.Ladder is { } ladder ? durations.LadderStep * ladder.Rates.Count : durations.Measure;

    private static TimeSpan Ramp(WorkloadSpec workload, int devices) => workload.Fleet?.RampDuration(devices) ?? TimeSpan.Zero;
}
