using Bench.Harness.Gate;

namespace Bench.UnitTests.Gate;

public class MaxRegressionTests
{
    [Theory]
    [InlineData("10%", 0.10)]
    [InlineData("10", 0.10)]
    [InlineData(" 2.5 % ", 0.025)]
    [InlineData("0", 0)]
    public void Reads_a_percentage_as_a_fraction(string text, double expected)
    {
        Assert.Equal(expected, MaxRegression.Parse(text, out var error)!.Value, 12);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-5%")]
    [InlineData("150%")]
    public void Refuses_anything_else_with_the_option_name(string text)
    {
        Assert.Null(MaxRegression.Parse(text, out var error));
        Assert.StartsWith("--max-regression:", error, StringComparison.Ordinal);
    }
}
