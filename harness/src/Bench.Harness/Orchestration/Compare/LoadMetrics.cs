using Bench.Harness.Results;
using Bench.Load.Engine;
using Bench.Load.Recording;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>Turns a merged load result into the results file's metrics and series. Latencies are recorded in µs and reported in ms.</summary>
internal static class LoadMetrics
{
    public static double Milliseconds(long microseconds) => microseconds / 1000.0;

    /// <summary>Throughput, errors, missed sends and latency percentiles from the intended send time.</summary>
    public static Dictionary<string, double> Outcome(LoadResult result)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MetricNames.Throughput] = result.AckRate,
            [MetricNames.Requests] = result.Sent,
            [MetricNames.Errors] = result.TotalErrors,
            [MetricNames.ErrorPercent] = ErrorPercent(result),
            [MetricNames.MissedSends] = result.Late + result.Dropped,
        };
        foreach (var (kind, count) in result.Errors.Where(e => e.Value > 0))
        {
            metrics[MetricNames.ErrorsOf(kind)] = count;
        }

        AddLatency(metrics, result.Latency);
        return metrics;
    }

    /// <summary>Connection set-up of persistent devices: connect latency, failures, connections still open.</summary>
    public static void AddConnections(Dictionary<string, double> metrics, LoadResult result)
    {
        if (result.ConnectTime.TotalCount > 0)
        {
            metrics[MetricNames.ConnectP50] = Milliseconds(result.ConnectTime.ValueAtPercentile(50));
            metrics[MetricNames.ConnectP99] = Milliseconds(result.ConnectTime.ValueAtPercentile(99));
        }

        metrics[MetricNames.ConnectFailures] = result.Connections.Failed;
        metrics[MetricNames.OpenConnections] = result.Intervals.Count > 0 ? result.Intervals[^1].OpenConnections : result.Connections.Opened - result.Connections.Lost;
    }

    /// <summary>
    /// Errors as a share of the sends that were due: those sent plus those that never left (a fleet device held back
    /// because its earlier sends were unanswered, or without a connection), which are errors too. Results from agents
    /// that did not report <see cref="LoadResult.NotSent"/> count their backpressure errors instead.
    /// </summary>
    public static double ErrorPercent(LoadResult result)
    {
        var due = result.Sent + Math.Max(result.NotSent, result.Errors.GetValueOrDefault(ErrorKind.Backpressure));
        return due == 0 ? 0 : 100.0 * result.TotalErrors / due;
    }

    public static void AddLatency(Dictionary<string, double> metrics, LatencyHistogram latency)
    {
        if (latency.TotalCount == 0)
        {
            return;
        }

        metrics[MetricNames.LatencyMean] = latency.Mean / 1000.0;
        metrics[MetricNames.LatencyP50] = Milliseconds(latency.ValueAtPercentile(50));
        metrics[MetricNames.LatencyP90] = Milliseconds(latency.ValueAtPercentile(90));
        metrics[MetricNames.LatencyP99] = Milliseconds(latency.ValueAtPercentile(99));
        metrics[MetricNames.LatencyP999] = Milliseconds(latency.ValueAtPercentile(99.9));
        metrics[MetricNames.LatencyMax] = Milliseconds(latency.Max);
    }

    /// <summary>Per-second throughput, p99 and errors over the measured window, seconds counted from <paramref name="offset"/>.</summary>
    public static IEnumerable<TimeSeries> Series(LoadResult result, double offset, string prefix = "")
    {
        var seconds = result.Intervals.Select(i => offset + i.Start.TotalSeconds + i.Length.TotalSeconds).ToList();
        yield return new TimeSeries(prefix + "throughput", "1/s", seconds, result.Intervals.Select(i => i.AckRate).ToList());
        yield return new TimeSeries(prefix + "latency.p99", "ms", seconds, result.Intervals.Select(i => Milliseconds(i.Latency.P99)).ToList());
        yield return new TimeSeries(prefix + "errors", "count", seconds, result.Intervals.Select(i => (double)i.TotalErrors).ToList());
        yield return new TimeSeries(prefix + "connections.open", "count", seconds, result.Intervals.Select(i => (double)i.OpenConnections).ToList());
    }

    /// <summary>The generator's verdict on itself, with the reason, or null when it kept up.</summary>
    public static string? Saturation(LoadResult result) => result.Saturation.IsSaturated ? result.Saturation.Reason ?? "generator saturated" : null;
}
