using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class HodgesLehmannTests
{
    [Fact]
    public void Shift_is_the_median_of_all_pairwise_differences()
    {
        // Differences 9, 8, 19, 18: the median of four is (9 + 18) / 2.
        Assert.Equal(13.5, HodgesLehmann.Shift([10, 20], [1, 2]));
        Assert.Equal(2, HodgesLehmann.Shift([1, 2, 3], [0]));
    }

    [Fact]
    public void One_wild_trial_barely_moves_the_shift()
    {
        // Differences 7 8 8 9 9 10 997 998 999: the median is 9, while the means differ by 335.
        Assert.Equal(9, HodgesLehmann.Shift([10, 11, 1000], [1, 2, 3]));
    }

    [Fact]
    public void Swapping_the_samples_negates_the_shift()
    {
        double[] x = [5.5, 7.25, 3, 9];
        double[] y = [4, 6.5, 2];

        Assert.Equal(-HodgesLehmann.Shift(x, y), HodgesLehmann.Shift(y, x));
    }

    [Fact]
    public void Rejects_an_empty_sample()
    {
        Assert.Throws<ArgumentException>(() => HodgesLehmann.Shift([], [1]));
        Assert.Throws<ArgumentException>(() => HodgesLehmann.Shift([1], []));
    }
}
