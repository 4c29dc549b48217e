using Bench.Load.Monitoring;
using Bench.Load.Recording;

namespace Bench.Load.Engine;

public sealed partial record LoadResult
{
    /// <summary>
    /// Combines the results of agents that ran the same load side by side: counts add, histograms add bucket by
    /// bucket (never percentiles averaged), intervals add by index with their latency digest recomputed from the
    /// merged interval histogram (open connections, a gauge, carry an agent's last value past its last interval), CPU per second is the busiest agent's, and the merged run is saturated when any
    /// agent was.
    /// </summary>
    public static LoadResult Merge(IReadOnlyCollection<LoadResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("Nothing to merge.", nameof(results));
        }

        var errors = Enum.GetValues<ErrorKind>().ToDictionary(k => k, k => results.Sum(r => r.Errors.GetValueOrDefault(k)));
        var (intervals, intervalLatencies) = MergeIntervals(results);
        var saturated = results.Where(r => r.Saturation.IsSaturated).ToList();
        return new LoadResult
        {
            Sent = results.Sum(r => r.Sent),
            Acked = results.Sum(r => r.Acked),
            Errors = errors,
            Late = results.Sum(r => r.Late),
            Dropped = results.Sum(r => r.Dropped),
            NotSent = results.Sum(r => r.NotSent),
            MeasuredDuration = results.Max(r => r.MeasuredDuration),
            Connections = results.Select(r => r.Connections).Aggregate((a, b) => a + b),
            Latency = Sum(results.Select(r => r.Latency)),
            ServiceTime = Sum(results.Select(r => r.ServiceTime)),
            ConnectTime = Sum(results.Select(r => r.ConnectTime)),
            Intervals = intervals,
            IntervalLatencies = intervalLatencies,
            GeneratorCpu = ElementwiseMax(results.Select(r => r.GeneratorCpu)),
            Saturation = saturated.Count == 0
                ? SaturationVerdict.NotSaturated
                : new SaturationVerdict(true, $"{saturated.Count} of {results.Count} agents saturated: "
                    + string.Join(" | ", saturated.Select(r => r.Saturation.Reason))),
            Agents = results.Sum(r => r.Agents),
        };
    }

    private static LatencyHistogram Sum(IEnumerable<LatencyHistogram> histograms)
    {
        var total = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }

        return total;
    }

    private static double[] ElementwiseMax(IEnumerable<IReadOnlyList<double>> series)
    {
        var lists = series.ToList();
        var merged = new double[lists.Max(s => s.Count)];
        foreach (var list in lists)
        {
            for (int i = 0; i < list.Count; i++)
            {
                merged[i] = Math.Max(merged[i], list[i]);
            }
        }

        return merged;
    }

    private static (IReadOnlyList<IntervalSample> Intervals, IReadOnlyList<byte[]> Latencies) MergeIntervals(IReadOnlyCollection<LoadResult> results)
    {
        int count = results.Max(r => r.Intervals.Count);
        var intervals = new IntervalSample[count];
        var latencies = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            var parts = results.Where(r => r.Intervals.Count > i).ToList();
            var latency = Sum(parts.Where(r => r.IntervalLatencies.Count > i).Select(r => HistogramEncoding.DecodeCompressed(r.IntervalLatencies[i])));
            var samples = parts.Select(r => r.Intervals[i]).ToList();
            var first = samples[0];
            intervals[i] = new IntervalSample(
                first.Index,
                first.Start,
                samples.Max(s => s.Length),
                samples.Sum(s => s.Sends),
                samples.Sum(s => s.Acks),
                [.. Enumerable.Range(0, first.ErrorsByKind.Count).Select(k => samples.Sum(s => s.ErrorsByKind.Count > k ? s.ErrorsByKind[k] : 0))],
                samples.Sum(s => s.Late),
                samples.Sum(s => s.Dropped),
                samples.Sum(s => s.ConnectionsOpened),
                samples.Sum(s => s.ConnectionsClosed),
                // A gauge, not a count: an agent whose intervals ended earlier still holds its last open connections.
                results.Sum(r => r.Intervals.Count == 0 ? 0 : r.Intervals[Math.Min(i, r.Intervals.Count - 1)].OpenConnections),
                LatencySummary.Of(latency));
            latencies[i] = HistogramEncoding.EncodeCompressed(latency);
        }

        return (intervals, latencies);
    }
}
