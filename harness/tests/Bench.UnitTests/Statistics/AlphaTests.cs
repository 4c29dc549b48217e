using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class AlphaTests
{
    [Theory]
    [InlineData(2, 2, 6, 0.05, false)]
    [InlineData(2, 5, 21, 0.05, true)]
    [InlineData(3, 3, 20, 0.05, true)]
    [InlineData(4, 4, 70, 0.05, true)]
    [InlineData(4, 5, 126, 0.01, true)]
    [InlineData(5, 5, 252, 0.01, true)]
    [InlineData(6, 6, 924, 0.01, true)]
    [InlineData(7, 7, 3432, 0.001, true)]
    [InlineData(10, 10, 184756, 0.001, true)]
    public void Picks_the_smallest_conventional_level_the_trials_can_reach(
        int n, int m, int arrangements, double expected, bool reachable)
    {
        Assert.Equal(1.0 / arrangements, Alpha.SmallestAttainable(n, m), 15);
        Assert.Equal(1.0 / arrangements, Alpha.SmallestAttainable(m, n), 15);
        Assert.Equal(expected, Alpha.For(n, m));
        Assert.Equal(reachable, Alpha.IsReachable(Alpha.For(n, m), n, m));
    }

    [Theory]
    [InlineData(3, 0.05, 0)]
    [InlineData(4, 0.05, 1)]
    [InlineData(5, 0.01, 1)]
    [InlineData(6, 0.01, 3)]
    [InlineData(7, 0.001, 1)]
    [InlineData(10, 0.001, 10)]
    public void Documented_table_of_overlapping_pairs_tolerated_per_trial_count(int trials, double alpha, int overlaps)
    {
        // docs/statistics.md: with n = m trials at α, a one-sided change is clear while U ≤ overlaps.
        var distribution = ExactRankSumDistribution.Of([.. Enumerable.Range(1, 2 * trials).Select(r => 2 * r)], trials);
        double POf(int u) => (double)distribution.CountAtMost(2 * u + trials * (trials + 1)) / distribution.Total;

        Assert.Equal(alpha, Alpha.For(trials, trials));
        Assert.True(Alpha.IsWithin(POf(overlaps), alpha));
        Assert.False(Alpha.IsWithin(POf(overlaps + 1), alpha));
    }

    [Fact]
    public void One_over_twenty_counts_as_within_five_percent()
    {
        Assert.True(Alpha.IsWithin(1.0 / 20, 0.05));
        Assert.False(Alpha.IsWithin(1.0 / 19, 0.05));
    }

    [Fact]
    public void Rejects_empty_samples()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Alpha.SmallestAttainable(0, 3));
    }
}
