using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class MannWhitneyTestTests
{
    [Fact]
    public void Matches_the_published_example_from_r_wilcox_test()
    {
        // Hollander & Wolfe (1973), p. 69, as in R's ?wilcox.test: W = 35, one-sided p = 0.1272, two-sided 0.2544.
        double[] x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
        double[] y = [1.15, 0.88, 0.90, 0.74, 1.21];

        MannWhitneyResult result = MannWhitneyTest.Run(x, y);

        Assert.True(result.IsExact);
        Assert.Equal(35, result.U);
        // 382 and 2693 of the C(15, 5) = 3003 arrangements, counted by enumeration.
        Assert.Equal(382.0 / 3003, result.PGreater, 15);
        Assert.Equal(2693.0 / 3003, result.PLess, 15);
        Assert.Equal(764.0 / 3003, result.PTwoSided, 15);
    }

    [Theory]
    [InlineData(3, 20)]
    [InlineData(5, 252)]
    public void Fully_separated_samples_reach_one_over_the_number_of_arrangements(int n, int arrangements)
    {
        double[] high = [.. Enumerable.Range(100, n).Select(i => (double)i)];
        double[] low = [.. Enumerable.Range(1, n).Select(i => (double)i)];

        MannWhitneyResult result = MannWhitneyTest.Run(high, low);

        Assert.Equal(n * n, result.U);
        Assert.Equal(1.0 / arrangements, result.PGreater, 15);
        Assert.Equal(1, result.PLess);
        Assert.Equal(2.0 / arrangements, result.PTwoSided, 15);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 2 }, new double[] { 2, 3, 3 })]
    [InlineData(new double[] { 5, 5, 7, 9, 9 }, new double[] { 5, 6, 9, 9 })]
    [InlineData(new double[] { 1, 1, 1, 2 }, new double[] { 1, 2, 2, 2, 3, 3 })]
    public void Ties_get_the_exact_permutation_p_values_found_by_enumeration(double[] x, double[] y)
    {
        MannWhitneyResult result = MannWhitneyTest.Run(x, y);

        Assert.Equal(BruteForceRankTest.U(x, y), result.U);
        Assert.Equal(BruteForceRankTest.PGreater(x, y), result.PGreater, 12);
        Assert.Equal(BruteForceRankTest.PLess(x, y), result.PLess, 12);
    }

    [Fact]
    public void All_values_tied_give_no_evidence_either_way()
    {
        MannWhitneyResult result = MannWhitneyTest.Run([5, 5], [5, 5, 5]);

        Assert.Equal(3, result.U);
        Assert.Equal(1, result.PGreater);
        Assert.Equal(1, result.PLess);
    }

    [Fact]
    public void A_threshold_shift_that_equals_a_value_on_paper_is_a_tie()
    {
        // 100 · 1.1 is 110.00000000000001 in binary floating point; it must still tie with 110.
        double[] shifted = [100 * 1.1, 200 * 1.1];

        MannWhitneyResult result = MannWhitneyTest.Run([110, 220], shifted);

        Assert.Equal(2, result.U);
    }

    [Fact]
    public void Large_fully_separated_samples_use_the_normal_approximation()
    {
        double[] low = [.. Enumerable.Range(1, 25).Select(i => (double)i)];
        double[] high = [.. Enumerable.Range(26, 25).Select(i => (double)i)];

        MannWhitneyResult result = MannWhitneyTest.Run(low, high);

        // z = (0 − 312.5 + 0.5) / √(25·25·51/12) = −6.0537; Φ(z) from the reference erfc.
        Assert.False(result.IsExact);
        Assert.Equal(0, result.U);
        Assert.True(Math.Abs(result.PLess - 7.078281124247817e-10) <= 1e-12 * 7.078281124247817e-10);
        Assert.InRange(result.PGreater, 0.999_999_999, 1);
    }

    [Fact]
    public void Normal_approximation_with_ties_stays_close_to_the_exact_count()
    {
        // 21 + 21 values with heavy ties: approximate (42 > 40), compared with the exact count of the same ranks.
        double[] x = [.. Enumerable.Range(0, 21).Select(i => (double)(i % 7))];
        double[] y = [.. Enumerable.Range(0, 21).Select(i => (double)(i % 7 + 2))];

        MannWhitneyResult approximate = MannWhitneyTest.Run(x, y);
        double exact = ExactPLess(x, y);

        Assert.False(approximate.IsExact);
        Assert.InRange(approximate.PLess, exact - 0.005, exact + 0.005);
    }

    [Fact]
    public void Rejects_empty_and_non_finite_samples()
    {
        Assert.Throws<ArgumentException>(() => MannWhitneyTest.Run([], [1]));
        Assert.Throws<ArgumentException>(() => MannWhitneyTest.Run([1], [double.NaN]));
    }

    private static double ExactPLess(double[] x, double[] y)
    {
        Midranks ranks = Midranks.Of(x, y);
        var distribution = ExactRankSumDistribution.Of(ranks.DoubledRanks, x.Length);
        return (double)distribution.CountAtMost(ranks.DoubledRanks.Take(x.Length).Sum()) / distribution.Total;
    }
}
