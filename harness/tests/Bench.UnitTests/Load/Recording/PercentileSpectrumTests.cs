using Bench.Load.Recording;

namespace Bench.UnitTests.Load.Recording;

public class PercentileSpectrumTests
{
    [Fact]
    public void Levels_take_five_ticks_per_halving_of_the_distance_to_one_hundred_percent()
    {
        var histogram = new LatencyHistogram();
        for (long value = 1; value <= 10_000; value++)
        {
            histogram.Record(value);
        }

        double[] levels = histogram.Percentiles().Select(tick => tick.Percentile).Take(14).ToArray();

        Assert.Equal(
            new[] { 0, 10, 20, 30, 40, 50, 55, 60, 65, 70, 75, 77.5, 80, 82.5 },
            levels.Select(level => Math.Round(level, 9)));
    }

    [Fact]
    public void Every_tick_reports_the_value_at_its_percentile_and_the_last_is_one_hundred_percent()
    {
        // hdrhistogram-py test_percentile_iterator, on its standard histogram.
        var histogram = new LatencyHistogram();
        histogram.RecordWithCount(1000, 10_000);
        histogram.Record(100_000_000);

        PercentileTick[] ticks = histogram.Percentiles().ToArray();

        Assert.All(ticks, tick => Assert.Equal(
            histogram.Layout.HighestEquivalent(histogram.ValueAtPercentile(tick.Percentile)), tick.Value));
        Assert.Equal(100.0, ticks[^1].Percentile);
        Assert.Equal(histogram.Max, ticks[^1].Value);
        Assert.Equal(10_001, ticks[^1].TotalCountToValue);
        Assert.True(double.IsInfinity(ticks[^1].InverseTail));
        Assert.Equal(2.0, ticks.First(tick => tick.Percentile == 50).InverseTail, 9);
    }

    [Fact]
    public void Levels_rise_monotonically_and_counts_never_fall()
    {
        long[] values = LatencyHistogramTests.LogUniformValues(count: 50_000, seed: 3, max: 10_000_000);
        var histogram = new LatencyHistogram();
        foreach (long value in values)
        {
            histogram.Record(value);
        }

        PercentileTick[] ticks = histogram.Percentiles(ticksPerHalfDistance: 2).ToArray();

        for (int i = 1; i < ticks.Length; i++)
        {
            Assert.True(ticks[i].Percentile > ticks[i - 1].Percentile || ticks[i].Percentile == 100.0);
            Assert.True(ticks[i].Value >= ticks[i - 1].Value);
            Assert.True(ticks[i].TotalCountToValue >= ticks[i - 1].TotalCountToValue);
        }
    }
}
