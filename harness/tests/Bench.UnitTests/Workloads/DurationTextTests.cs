using Bench.Harness.Workloads;

namespace Bench.UnitTests.Workloads;

public class DurationTextTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("2s", 2_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("6m", 360_000)]
    [InlineData("8h", 28_800_000)]
    [InlineData(" 0s ", 0)]
    public void Parses_a_number_and_a_unit(string text, int milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("two seconds")]
    [InlineData("-1s")]
    [InlineData("1d")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_else(string? text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(2_500, "2.5s")]
    [InlineData(360_000, "6m")]
    [InlineData(288_000, "4m48s")]
    public void Formats_the_shortest_exact_spelling(int milliseconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
