using Bench.Harness.Sampling;

namespace Bench.Harness.Results;

/// <summary>Turns resource samples and summaries into a cell's metrics and time series.</summary>
internal static class ResourceMetrics
{
    private const double Mebibyte = 1024 * 1024;

    /// <summary>The backend's metrics over the measured phase; <paramref name="completedOperations"/> gives CPU seconds per 1000 (skipped when zero).</summary>
    public static IEnumerable<KeyValuePair<string, MetricValue>> Backend(ResourceSummary summary, long completedOperations)
    {
        yield return Metric(MetricNames.BackendCpuMean, summary.CpuPercent.Mean);
        yield return Metric(MetricNames.BackendCpuMax, summary.CpuPercent.Max);
        yield return Metric(MetricNames.BackendRssMean, summary.RssBytes.Mean / Mebibyte);
        yield return Metric(MetricNames.BackendRssMax, summary.RssBytes.Max / Mebibyte);
        yield return Metric(MetricNames.BackendPssMean, summary.PssBytes.Mean / Mebibyte);
        yield return Metric(MetricNames.BackendPssMax, summary.PssBytes.Max / Mebibyte);
        yield return Metric(MetricNames.BackendThreadsMax, summary.Threads.Max);
        yield return Metric(MetricNames.BackendOpenFilesMax, summary.OpenFiles.Max);
        yield return Metric(MetricNames.BackendProcessesMax, summary.MaxProcesses);
        if (completedOperations > 0 && summary.CpuCovered > TimeSpan.Zero)
        {
            // The CPU intervals cover only part of the window; scale CPU to the whole window before dividing by the work done in it.
            var window = (summary.To - summary.From).TotalSeconds;
            var cpuSeconds = summary.CpuTime.TotalSeconds / summary.CpuCovered.TotalSeconds * window;
            yield return Metric(MetricNames.BackendCpuSecondsPerThousand, cpuSeconds / completedOperations * 1000);
        }
    }

    public static IEnumerable<KeyValuePair<string, MetricValue>> Broker(ResourceSummary summary)
    {
        yield return Metric(MetricNames.BrokerCpuMean, summary.CpuPercent.Mean);
        yield return Metric(MetricNames.BrokerCpuMax, summary.CpuPercent.Max);
        yield return Metric(MetricNames.BrokerRssMax, summary.RssBytes.Max / Mebibyte);
        yield return Metric(MetricNames.BrokerPssMax, summary.PssBytes.Max / Mebibyte);
    }

    public static IEnumerable<KeyValuePair<string, MetricValue>> Generator(ResourceSummary summary)
    {
        yield return Metric(MetricNames.GeneratorCpuMean, summary.CpuPercent.Mean);
        yield return Metric(MetricNames.GeneratorCpuMax, summary.CpuPercent.Max);
        yield return Metric(MetricNames.GeneratorRssMax, summary.RssBytes.Max / Mebibyte);
    }

    /// <summary>Memory per connection from a fitted RSS slope (bytes per connection → KiB).</summary>
    public static KeyValuePair<string, MetricValue> PerConnection(LinearFit fit, string name = MetricNames.BackendMemoryPerConnection) => Metric(name, fit.Slope / 1024);

    /// <summary>The 1 Hz series of one source, seconds counted from <paramref name="cellStart"/>: SOURCE.cpu, .rss, .pss, .threads, .fds.</summary>
    public static IReadOnlyList<TimeSeries> Series(string source, IReadOnlyList<ResourceSample> samples, DateTimeOffset cellStart)
    {
        var withCpu = samples.Where(s => s.CpuPercent is not null).ToList();
        return
        [
            new TimeSeries($"{source}.cpu", "%", Seconds(withCpu, cellStart), [.. withCpu.Select(s => s.CpuPercent!.Value)]),
            new TimeSeries($"{source}.rss", "MiB", Seconds(samples, cellStart), [.. samples.Select(s => s.RssBytes / Mebibyte)]),
            new TimeSeries($"{source}.pss", "MiB", Seconds(samples, cellStart), [.. samples.Select(s => s.PssBytes / Mebibyte)]),
            new TimeSeries($"{source}.threads", "count", Seconds(samples, cellStart), [.. samples.Select(s => (double)s.Threads)]),
            new TimeSeries($"{source}.fds", "count", Seconds(samples, cellStart), [.. samples.Select(s => (double)s.OpenFiles)]),
        ];
    }

    private static double[] Seconds(IEnumerable<ResourceSample> samples, DateTimeOffset cellStart) =>
        [.. samples.Select(s => Math.Round((s.At - cellStart).TotalSeconds, 3))];

    private static KeyValuePair<string, MetricValue> Metric(string name, double value) => new(name, MetricValue.Of(name, value));
}
