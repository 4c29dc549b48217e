namespace Bench.Harness.Statistics;

/// <summary>
/// The Hodges–Lehmann two-sample shift estimator: the median of all pairwise differences x_i − y_j. It is
/// the estimate that goes with the Mann–Whitney test (the shift that makes U centred) and, unlike a
/// difference of means, one wild trial cannot move it far.
/// </summary>
internal static class HodgesLehmann
{
    /// <summary>Median of x_i − y_j over all n·m pairs; both samples must be non-empty and finite.</summary>
    public static double Shift(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double[] xs = Samples.SortedCopy(x, nameof(x));
        double[] ys = Samples.SortedCopy(y, nameof(y));
        if (xs.Length == 0 || ys.Length == 0)
        {
            throw new ArgumentException("The shift needs at least one value in each sample.");
        }

        var differences = new double[xs.Length * ys.Length];
        int index = 0;
        foreach (double a in xs)
        {
            foreach (double b in ys)
            {
                differences[index++] = a - b;
            }
        }

        Array.Sort(differences);
        return Samples.MedianOfSorted(differences);
    }
}
