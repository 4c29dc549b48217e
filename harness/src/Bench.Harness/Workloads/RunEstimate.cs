namespace Bench.Harness.Workloads;

/// <summary>How long a profile takes, estimated before anything starts, so a budget is checked up front.</summary>
internal static class RunEstimate
{
    /// <summary>
    /// Every cell (backend × workload × scale × trial) costs the budget's start-up allowance, the warm-up, the
    /// connection ramp of fleet workloads, and the measured phase (for a rate ladder: every step, as if none
    /// broke the SLO). Workloads that do not scale with devices run once per trial.
    /// </summary>
    public static TimeSpan For(ProfileSpec profile, int backendCount)
    {
        var startup = profile.Budget?.StartupPerCell ?? TimeSpan.Zero;
        var perTrial = TimeSpan.Zero;
        foreach (var workload in profile.Workloads)
        {
            var scales = workload.ScalesWithDevices ? profile.Scales : profile.Scales.Take(1);
            foreach (var devices in scales)
            {
                perTrial += startup + profile.Durations.Warmup + Ramp(workload, devices) + Measured(workload, profile.Durations);
            }
        }

        return perTrial * profile.Trials * backendCount;
    }

    /// <summary>The recorded time of one cell: the ladder's steps, or the measure duration.</summary>
    public static TimeSpan Measured(WorkloadSpec workload, PhaseDurations durations) =>
        workload.Ladder is { } ladder ? durations.LadderStep * ladder.Rates.Count : durations.Measure;

    private static TimeSpan Ramp(WorkloadSpec workload, int devices) => workload.Fleet?.RampDuration(devices) ?? TimeSpan.Zero;
}
