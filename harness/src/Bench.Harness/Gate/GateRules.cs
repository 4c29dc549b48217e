using Bench.Harness.Results;

namespace Bench.Harness.Gate;

/// <summary>
/// Which metrics the regression gate judges, and with which margin. A metric not listed is shown nowhere in the
/// gate: generator and broker figures describe the test rig, not the backend; request and error counts follow
/// the schedule; maxima and p99.9 of a few seconds of load rest on a handful of samples.
/// </summary>
/// <param name="MaxRegression">The relative threshold of every rule that does not set its own (<c>--max-regression</c>).</param>
/// <param name="Rules">The gated metrics, in the order the gate lists them.</param>
internal sealed record GateRules(double MaxRegression, IReadOnlyList<GateRule> Rules)
{
    /// <summary>The threshold <c>bench compare --baseline</c> uses when <c>--max-regression</c> is not given.</summary>
    public const double DefaultMaxRegression = 0.10;

    // Noise floors: below these, a change is measurement noise on this kind of machine whatever its percentage
    // (0.9 ms against 1.0 ms is 11%). docs/regression-gate.md explains each value.
    public const double LatencyFloorMs = 0.5;
    public const double MemoryFloorMiB = 1;
    public const double CpuFloorPercent = 1;

    public static IReadOnlyList<GateRule> DefaultRules { get; } =
    [
        new(MetricNames.Throughput, 0),
        new(MetricNames.Capacity, 0),
        new(MetricNames.ErrorPercent, 1),
        new(MetricNames.LatencyP50, LatencyFloorMs),
        new(MetricNames.LatencyP99, LatencyFloorMs),
        new(MetricNames.ConnectP99, LatencyFloorMs),
        new(MetricNames.HeartbeatP99WithJobs, LatencyFloorMs),
        new(MetricNames.HeartbeatSlowdown, 0.1),
        new(MetricNames.IngestP99WithAnalytics, LatencyFloorMs),
        new(MetricNames.AnalysisP99, LatencyFloorMs),
        new(MetricNames.JobsThroughput, 0),
        new(MetricNames.JobsThroughputPrefix + "*", 0),
        new(MetricNames.JobsP99, LatencyFloorMs),
        new(MetricNames.JobsP99Prefix + "*", LatencyFloorMs),
        new(MetricNames.BackendStartup, LatencyFloorMs),
        new(MetricNames.BackendCpuMean, CpuFloorPercent),
        new(MetricNames.BackendCpuSecondsPerThousand, 0.001),
        new(MetricNames.BackendRssMax, MemoryFloorMiB),
        new(MetricNames.BackendPssMax, MemoryFloorMiB),
    ];

    public static GateRules Default(double maxRegression = DefaultMaxRegression) => new(maxRegression, DefaultRules);

    /// <summary>The rule for <paramref name="metric"/>, or null when it is not gated.</summary>
    public GateRule? For(string metric) => Rules.FirstOrDefault(rule => rule.Matches(metric));

    /// <summary>Position of the metric's rule, for a stable order of rows.</summary>
    public int OrderOf(string metric)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Matches(metric))
            {
                return i;
            }
        }

        return Rules.Count;
    }

    public double ThresholdOf(GateRule rule) => rule.RelativeThreshold ?? MaxRegression;
}
