using Bench.Load.Recording;

namespace Bench.UnitTests.Load.Recording;

public class LatencyHistogramTests
{
    [Fact]
    public void Quantiles_are_within_a_tenth_of_a_percent_of_exact_quantiles_on_a_million_values()
    {
        long[] values = LogUniformValues(count: 1_000_000, seed: 20240611, max: 60_000_000);
        var histogram = new LatencyHistogram();
        foreach (long value in values)
        {
            histogram.Record(value);
        }

        Array.Sort(values);
        foreach (double percentile in new[] { 0.1, 1, 10, 25, 50, 75, 90, 99, 99.9, 99.99, 100 })
        {
            long exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
            long estimate = histogram.ValueAtPercentile(percentile);
            Assert.InRange(estimate, exact, exact + (long)(exact * 0.001));
        }

        Assert.Equal(values.Length, histogram.TotalCount);
        Assert.Equal(values[0], histogram.Min);
        Assert.InRange(histogram.Max, values[^1], values[^1] + (long)(values[^1] * 0.001));
        Assert.Equal(values.Average(v => (double)v), histogram.Mean, 0.001 * histogram.Mean);
    }

    [Fact]
    public void Merging_equals_recording_into_one_histogram()
    {
        long[] values = LogUniformValues(count: 100_000, seed: 7, max: 3_600_000_000);
        var whole = new LatencyHistogram();
        var left = new LatencyHistogram();
        var right = new LatencyHistogram();
        for (int i = 0; i < values.Length; i++)
        {
            whole.Record(values[i]);
            (i % 3 == 0 ? left : right).Record(values[i]);
        }

        left.Add(right);

        Assert.Equal(whole.Counts.ToArray(), left.Counts.ToArray());
        Assert.Equal(whole.TotalCount, left.TotalCount);
        Assert.Equal(whole.Min, left.Min);
        Assert.Equal(whole.Max, left.Max);
        Assert.Equal(whole.ValueAtPercentile(99.9), left.ValueAtPercentile(99.9));
    }

    [Fact]
    public void Merging_a_histogram_of_another_layout_rerecords_its_buckets()
    {
        var coarse = new LatencyHistogram(new HistogramLayout(1, 100_000_000, 2));
        coarse.RecordWithCount(1000, 10);
        coarse.Record(50_000_000);
        var total = new LatencyHistogram();

        total.Add(coarse);

        Assert.Equal(11, total.TotalCount);
        Assert.Equal(10, total.CountAtValue(1000));
        Assert.True(total.Layout.AreEquivalent(coarse.Layout.LowestEquivalent(50_000_000), total.Max));
    }

    [Fact]
    public void Boundary_values_one_and_the_highest_trackable_are_recorded_exactly()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(1);
        histogram.Record(3_600_000_000);

        Assert.Equal(1, histogram.Min);
        Assert.Equal(3_600_809_983, histogram.Max);
        Assert.Equal(1, histogram.ValueAtPercentile(50));
        Assert.Equal(0, histogram.ClampedCount);
    }

    [Fact]
    public void Values_above_the_highest_trackable_value_are_clamped_and_counted()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(3_600_000_001);
        histogram.RecordWithCount(long.MaxValue, 2);
        histogram.Record(-5);

        Assert.Equal(4, histogram.TotalCount);
        Assert.Equal(4, histogram.ClampedCount);
        Assert.Equal(3, histogram.CountAtValue(3_600_000_000));
        Assert.Equal(1, histogram.CountAtValue(0));
        Assert.Equal(3_600_809_983, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void Percentiles_report_the_highest_equivalent_value()
    {
        // hdrhistogram-py test_get_value_at_percentile.
        var histogram = new LatencyHistogram();
        histogram.Record(1);
        histogram.Record(2);
        Assert.Equal(1, histogram.ValueAtPercentile(50.0));
        Assert.Equal(1, histogram.ValueAtPercentile(50.00000000000001));
        histogram.RecordWithCount(2, 3);
        Assert.Equal(2, histogram.ValueAtPercentile(30));

        var wide = new LatencyHistogram();
        wide.Record(1_000_000);
        Assert.Equal(1_000_447, wide.ValueAtPercentile(50));
        Assert.Equal(999_936, wide.ValueAtPercentile(0));
    }

    [Fact]
    public void Mean_and_standard_deviation_use_median_equivalent_values()
    {
        // hdrhistogram-py test_mean_stddev: 3000 lies in a 2-wide bucket whose median is 3001.
        var histogram = new LatencyHistogram();
        foreach (long value in new long[] { 1000, 1000, 3000, 3000 })
        {
            histogram.Record(value);
        }

        Assert.Equal(2000.5, histogram.Mean);
        Assert.Equal(1000.5, histogram.StdDev);
    }

    [Fact]
    public void An_empty_histogram_reports_zeros()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.TotalCount);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Mean);
        Assert.Equal(0, histogram.StdDev);
        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Empty(histogram.Percentiles());
    }

    [Fact]
    public void Reset_forgets_everything()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(5_000_000_000);

        histogram.Reset();

        Assert.Equal(0, histogram.TotalCount);
        Assert.Equal(0, histogram.ClampedCount);
        Assert.Equal(0, histogram.Max);
        Assert.All(histogram.Counts.ToArray(), count => Assert.Equal(0, count));
    }

    internal static long[] LogUniformValues(int count, int seed, long max)
    {
        var random = new Random(seed);
        double logMax = Math.Log(max);
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Math.Max(1, (long)Math.Exp(random.NextDouble() * logMax));
        }

        return values;
    }
}
