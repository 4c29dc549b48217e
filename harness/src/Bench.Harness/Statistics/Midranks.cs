namespace Bench.Harness.Statistics;

/// <summary>
/// Ranks of a pooled two-sample set, with ties sharing their mean rank. Ranks are kept doubled so that
/// midranks (k + ½) stay integers and rank sums compare exactly.
/// </summary>
/// <param name="DoubledRanks">Twice the midrank of each pooled value, in pooled order (first sample first).</param>
/// <param name="TieSizes">Size of every tie group with more than one member.</param>
internal sealed record Midranks(int[] DoubledRanks, int[] TieSizes)
{
    /// <summary>
    /// Values closer than this, relative to their size, are ties. A sample shifted by a percentage threshold
    /// (y·1.1 beside x = 110 from y = 100) must tie with the value it equals on paper, not differ in the last bit.
    /// </summary>
    public const double RelativeTolerance = 1e-9;

    public static Midranks Of(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        double[] pooled = [.. first, .. second];
        int[] order = Enumerable.Range(0, pooled.Length).OrderBy(i => pooled[i]).ToArray();
        var doubled = new int[pooled.Length];
        var ties = new List<int>();
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && AreTied(pooled[order[start]], pooled[order[end + 1]]))
            {
                end++;
            }

            // Ranks start .. end are 1-based start+1 .. end+1; twice their mean is start + end + 2.
            for (int i = start; i <= end; i++)
            {
                doubled[order[i]] = start + end + 2;
            }

            if (end > start)
            {
                ties.Add(end - start + 1);
            }

            start = end + 1;
        }

        return new Midranks(doubled, [.. ties]);
    }

    private static bool AreTied(double a, double b) =>
        Math.Abs(a - b) <= RelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));
}
