using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(2.0, 0.9772498680518208)]
    [InlineData(-3.0, 0.0013498980316300957)]
    [InlineData(-6.053689200906871, 7.078281124247817e-10)]
    [InlineData(-8.0, 6.220960574271819e-16)]
    public void Cdf_matches_reference_values_to_twelve_significant_digits(double z, double expected)
    {
        double actual = NormalDistribution.Cdf(z);

        Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected, $"Φ({z}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void Cdf_is_continuous_where_the_series_hands_over_to_the_continued_fraction()
    {
        double z = 2.5 * Math.Sqrt(2);

        double below = NormalDistribution.Cdf(-Math.BitDecrement(z));
        double above = NormalDistribution.Cdf(-Math.BitIncrement(z));

        Assert.True(Math.Abs(below - above) <= 1e-11 * above);
    }
}
