using System.Globalization;

namespace Bench.Harness.Gate;

/// <summary>Parses <c>--max-regression</c>: a percentage such as <c>10%</c> or <c>10</c>, into a fraction (0.10).</summary>
internal static class MaxRegression
{
    /// <summary>The fraction, or null with <paramref name="error"/> set when the text is not a percentage from 0 to 100.</summary>
    public static double? Parse(string text, out string? error)
    {
        var number = text.Trim().TrimEnd('%').Trim();
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and < 100)
        {
            error = null;
            return percent / 100;
        }

        error = $"--max-regression: '{text}' is not a percentage from 0 to 100 (for example 10%)";
        return null;
    }
}
