using Bench.Harness.Gate;

namespace Bench.UnitTests.Gate;

public class GateSensitivityTests
{
    [Theory]
    [InlineData(3, 0.05, 0)]
    [InlineData(4, 0.05, 1)]
    [InlineData(5, 0.01, 1)]
    [InlineData(6, 0.01, 3)]
    [InlineData(10, 0.001, 10)]
    public void Matches_the_documented_table_of_overlaps_tolerated(int trials, double alpha, int overlaps)
    {
        var sensitivity = GateSensitivity.For(trials, trials);

        Assert.True(sensitivity.CanDetect);
        Assert.Equal(alpha, sensitivity.Alpha);
        Assert.Equal(overlaps, sensitivity.OverlapsTolerated);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 1)]
    [InlineData(2, 2)]
    public void Too_few_trials_can_flag_nothing(int current, int baseline)
    {
        var sensitivity = GateSensitivity.For(current, baseline);

        Assert.False(sensitivity.CanDetect);
        Assert.Contains("no regression can be flagged", sensitivity.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Three_trials_need_complete_separation()
    {
        Assert.Contains("only when every trial of this run lies beyond every baseline trial", GateSensitivity.For(3, 3).Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_trials_use_the_normal_approximation()
    {
        var sensitivity = GateSensitivity.For(30, 30);

        Assert.True(sensitivity.CanDetect);
        Assert.Null(sensitivity.OverlapsTolerated);
        Assert.Contains("normal approximation", sensitivity.Describe(), StringComparison.Ordinal);
    }
}
