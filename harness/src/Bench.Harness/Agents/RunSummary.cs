using System.Text.Json;
using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>
/// The small, stable summary <c>bench run --summary-json</c> writes for scripts. Field names are a contract:
/// add fields, never rename them. <c>status</c> is completed, interrupted, invalid or crashed; only completed figures may be used.
/// </summary>
internal sealed record RunSummary(
    string Workload,
    string Backend,
    string Status,
    long Ok,
    long Errors,
    long Late,
    double DurationSeconds,
    double ThroughputPerSecond,
    RunSummaryLatency LatencyMs,
    bool GeneratorSaturated)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Latencies are the engine's microseconds from each send's intended time, shown in milliseconds.</summary>
    public static RunSummary Of(RunSpec run, string status, LoadResult result)
    {
        double Ms(double percentile) => result.Latency.ValueAtPercentile(percentile) / 1000.0;
        return new RunSummary(
            run.Workload.Name(),
            run.BackendLabel,
            status,
            result.Acked,
            result.TotalErrors,
            result.Late,
            result.MeasuredDuration.TotalSeconds,
            Math.Round(result.AckRate, 3),
            new RunSummaryLatency(Ms(50), Ms(90), Ms(99), Ms(99.9), result.Latency.Max / 1000.0),
            result.Saturation.IsSaturated);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
