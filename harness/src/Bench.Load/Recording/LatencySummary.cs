namespace Bench.Load.Recording;

/// <summary>A fixed-size digest of a latency histogram (microseconds), kept per interval instead of the histogram.</summary>
public readonly record struct LatencySummary(
    long Count, long Min, double Mean, long P50, long P90, long P99, long P999, long Max, long Clamped)
{
    public static LatencySummary Of(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new LatencySummary(
            histogram.TotalCount,
            histogram.Min,
            histogram.Mean,
            histogram.ValueAtPercentile(50),
            histogram.ValueAtPercentile(90),
            histogram.ValueAtPercentile(99),
            histogram.ValueAtPercentile(99.9),
            histogram.Max,
            histogram.ClampedCount);
    }
}
