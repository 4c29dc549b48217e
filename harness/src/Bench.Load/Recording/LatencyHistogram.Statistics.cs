namespace Bench.Load.Recording;

public sealed partial class LatencyHistogram
{
    /// <summary>The highest value equivalent to the largest recorded value, or 0 when empty (HdrHistogram <c>getMaxValue</c>).</summary>
    public long Max => _maxValue == 0 ? 0 : Layout.HighestEquivalent(_maxValue);

    /// <summary>The lowest value equivalent to the smallest recorded value, or 0 when empty (HdrHistogram <c>getMinValue</c>).</summary>
    public long Min => _counts[0] > 0 || _totalCount == 0 ? 0 : Layout.LowestEquivalent(_minNonZeroValue);

    /// <summary>Mean over the median-equivalent value of each bucket, as HdrHistogram computes it.</summary>
    public double Mean
    {
        get
        {
            if (_totalCount == 0)
            {
                return 0;
            }

            double total = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                if (_counts[i] != 0)
                {
                    total += Layout.MedianEquivalent(Layout.ValueFromIndex(i)) * (double)_counts[i];
                }
            }

            return total / _totalCount;
        }
    }

    /// <summary>Population standard deviation over median-equivalent values.</summary>
    public double StdDev
    {
        get
        {
            if (_totalCount == 0)
            {
                return 0;
            }

            double mean = Mean;
            double sumOfSquares = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                if (_counts[i] != 0)
                {
                    double deviation = Layout.MedianEquivalent(Layout.ValueFromIndex(i)) - mean;
                    sumOfSquares += deviation * deviation * _counts[i];
                }
            }

            return Math.Sqrt(sumOfSquares / _totalCount);
        }
    }

    /// <summary>How many recorded values are equivalent to <paramref name="value"/>.</summary>
    public long CountAtValue(long value) =>
        _counts[Layout.CountsIndex(Math.Clamp(value, 0, Layout.HighestTrackableValue))];

    /// <summary>
    /// The value at or below which <paramref name="percentile"/> % of the recorded values fall, reported as
    /// the highest value equivalent to it (the lowest for percentile 0), exactly as HdrHistogram's
    /// <c>getValueAtPercentile</c> does. Returns 0 when the histogram is empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        // One ulp down, so a percentile that is exact in decimal does not round up into the next bucket.
        double requested = Math.Clamp(Math.BitDecrement(percentile), 0.0, 100.0);
        long countAtPercentile = Math.Max((long)Math.Ceiling(requested / 100.0 * _totalCount), 1);
        long totalToCurrentIndex = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            totalToCurrentIndex += _counts[i];
            if (totalToCurrentIndex >= countAtPercentile)
            {
                long valueAtIndex = Layout.ValueFromIndex(i);
                return percentile == 0.0 ? Layout.LowestEquivalent(valueAtIndex) : Layout.HighestEquivalent(valueAtIndex);
            }
        }

        return 0;
    }
}
