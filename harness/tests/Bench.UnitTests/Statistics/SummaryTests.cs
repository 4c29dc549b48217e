using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class SummaryTests
{
    [Fact]
    public void Describes_a_small_sample_and_reports_no_median_interval_below_six_values()
    {
        Summary summary = Summary.Of([3, 1, 4, 1, 5]);

        Assert.Equal(5, summary.Count);
        Assert.Equal(3, summary.Median);
        Assert.Equal(2.8, summary.Mean, 12);
        Assert.Equal(1, summary.Min);
        Assert.Equal(5, summary.Max);
        // Squared deviations 3.24 + 3.24 + 0.04 + 1.44 + 4.84 = 12.8 over n − 1 = 4.
        Assert.Equal(Math.Sqrt(3.2), summary.StandardDeviation!.Value, 12);
        Assert.Equal(Math.Sqrt(3.2) / 2.8, summary.CoefficientOfVariation!.Value, 12);
        Assert.Null(summary.MedianInterval);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5, Summary.Of([4, 1, 3, 2]).Median);
    }

    [Fact]
    public void Six_values_give_the_min_max_interval_at_its_exact_coverage()
    {
        Summary summary = Summary.Of([6, 2, 5, 1, 4, 3]);

        // [x(1), x(6)] misses the median only when all six fall on one side: 2 / 64.
        Assert.Equal(new ConfidenceInterval(1, 6, 1 - 2.0 / 64), summary.MedianInterval);
    }

    [Theory]
    [InlineData(10, 2, 9, 1 - 22.0 / 1024)]
    [InlineData(20, 6, 15, 1 - 43400.0 / 1048576)]
    public void Interval_uses_the_published_order_statistics(int n, int lowerRank, int upperRank, double level)
    {
        double[] values = [.. Enumerable.Range(1, n).Select(i => i * 10.0).Reverse()];

        ConfidenceInterval? interval = Summary.Of(values).MedianInterval;

        Assert.NotNull(interval);
        Assert.Equal(lowerRank * 10.0, interval.Lower);
        Assert.Equal(upperRank * 10.0, interval.Upper);
        Assert.Equal(level, interval.Level, 12);
    }

    [Fact]
    public void Large_samples_get_an_interval_just_above_95_percent()
    {
        double[] values = [.. Enumerable.Range(1, 2000).Select(i => (double)i)];

        ConfidenceInterval interval = Summary.Of(values).MedianInterval!;

        Assert.InRange(interval.Level, 0.95, 0.955);
        Assert.Equal(2001, interval.Lower + interval.Upper);
        Assert.InRange(interval.Lower, 940, 960);
    }

    [Fact]
    public void One_value_has_no_spread()
    {
        Summary summary = Summary.Of([42]);

        Assert.Equal(42, summary.Median);
        Assert.Null(summary.StandardDeviation);
        Assert.Null(summary.CoefficientOfVariation);
        Assert.Null(summary.MedianInterval);
    }

    [Fact]
    public void Coefficient_of_variation_is_undefined_for_a_zero_mean()
    {
        Summary summary = Summary.Of([-1, 1]);

        Assert.Equal(Math.Sqrt(2), summary.StandardDeviation!.Value, 12);
        Assert.Null(summary.CoefficientOfVariation);
    }

    [Fact]
    public void Rejects_empty_and_non_finite_samples()
    {
        Assert.Throws<ArgumentException>(() => Summary.Of([]));
        Assert.Throws<ArgumentException>(() => Summary.Of([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => Summary.Of([double.PositiveInfinity]));
    }
}
