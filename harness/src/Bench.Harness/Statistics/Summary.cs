namespace Bench.Harness.Statistics;

/// <summary>
/// Descriptive statistics of one cell's trials (one value per trial).
/// </summary>
/// <param name="Count">Number of trials.</param>
/// <param name="Median">Middle value (mean of the middle two when the count is even).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); null with a single trial.</param>
/// <param name="CoefficientOfVariation">Standard deviation over the absolute mean; null when either is undefined or the mean is zero.</param>
/// <param name="MedianInterval">
/// Distribution-free 95% interval of the median from order statistics; null when n is too small for any
/// order-statistic interval to reach 95% (n &lt; 6).
/// </param>
internal sealed record Summary(
    int Count,
    double Median,
    double Mean,
    double Min,
    double Max,
    double? StandardDeviation,
    double? CoefficientOfVariation,
    ConfidenceInterval? MedianInterval)
{
    /// <summary>The coverage the median interval is built for.</summary>
    public const double IntervalLevel = 0.95;

    /// <summary>Summarises a non-empty sample of finite values.</summary>
    public static Summary Of(IReadOnlyList<double> values)
    {
        double[] sorted = Samples.SortedCopy(values, nameof(values));
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A summary needs at least one value.", nameof(values));
        }

        double mean = sorted.Average();
        double? deviation = sorted.Length > 1 ? SampleStandardDeviation(sorted, mean) : null;
        double? variation = deviation is { } s && mean != 0 ? s / Math.Abs(mean) : null;
        return new Summary(
            sorted.Length,
            Samples.MedianOfSorted(sorted),
            mean,
            sorted[0],
            sorted[^1],
            deviation,
            variation,
            OrderStatisticInterval.FromSorted(sorted, IntervalLevel));
    }

    private static double SampleStandardDeviation(double[] values, double mean)
    {
        double squares = 0;
        foreach (double value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        return Math.Sqrt(squares / (values.Length - 1));
    }
}
