namespace Bench.Harness.Statistics;

/// <summary>Checks and order statistics shared by the summaries and tests.</summary>
internal static class Samples
{
    /// <summary>Returns a sorted copy of <paramref name="values"/>, rejecting NaN and infinities.</summary>
    public static double[] SortedCopy(IReadOnlyList<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        var sorted = new double[values.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is not a finite number.", paramName);
            }

            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The median of an already sorted, non-empty array (mean of the middle two when even).</summary>
    public static double MedianOfSorted(double[] sorted)
    {
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
