using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class ExactRankSumDistributionTests
{
    [Theory]
    [InlineData(3, 5, 0)]
    [InlineData(3, 8, 2)]
    [InlineData(4, 4, 0)]
    [InlineData(4, 8, 4)]
    [InlineData(5, 5, 2)]
    [InlineData(5, 10, 8)]
    [InlineData(6, 6, 5)]
    [InlineData(7, 8, 10)]
    [InlineData(8, 8, 13)]
    [InlineData(10, 10, 23)]
    [InlineData(20, 20, 127)]
    public void Reproduces_the_published_two_sided_5_percent_critical_values_of_u(int n, int m, int critical)
    {
        // Table of critical U (reject when U ≤ value) for a two-sided test at 0.05, no ties.
        var distribution = ExactRankSumDistribution.Of([.. Enumerable.Range(1, n + m).Select(r => 2 * r)], n);

        Assert.True(TwoSided(distribution, n, critical) <= 0.05);
        Assert.True(TwoSided(distribution, n, critical + 1) > 0.05);
    }

    [Fact]
    public void Counts_every_subset_by_its_sum_like_plain_enumeration_with_ties()
    {
        int[] doubledRanks = [3, 3, 6, 6, 6, 10, 12, 15, 15, 18];
        const int n = 4;
        var distribution = ExactRankSumDistribution.Of(doubledRanks, n);
        int[] sums = [.. BruteForceRankTest.Subsets(doubledRanks.Length, n).Select(s => s.Sum(i => doubledRanks[i]))];

        Assert.Equal(210, distribution.Total);
        for (int sum = 0; sum <= 70; sum++)
        {
            Assert.Equal(sums.Count(s => s >= sum), distribution.CountAtLeast(sum));
            Assert.Equal(sums.Count(s => s <= sum), distribution.CountAtMost(sum));
        }
    }

    [Fact]
    public void Total_is_the_binomial_coefficient_at_the_exact_limit()
    {
        var distribution = ExactRankSumDistribution.Of([.. Enumerable.Range(1, 40).Select(r => 2 * r)], 20);

        Assert.Equal(137_846_528_820, distribution.Total);
    }

    private static double TwoSided(ExactRankSumDistribution distribution, int n, int u) =>
        2.0 * distribution.CountAtMost(2 * u + n * (n + 1)) / distribution.Total;
}
