namespace Bench.UnitTests.Statistics;

/// <summary>
/// The Mann–Whitney null distribution by plain enumeration: every way of splitting the pooled values into
/// samples of the original sizes, with U counted pair by pair. Independent of the ranking and counting code.
/// </summary>
internal static class BruteForceRankTest
{
    public static double U(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        x.Sum(a => y.Sum(b => a > b ? 1.0 : a == b ? 0.5 : 0.0));

    /// <summary>P(U ≥ observed) over all C(n+m, n) equally likely splits.</summary>
    public static double PGreater(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        Probability(x, y, (split, observed) => split >= observed);

    /// <summary>P(U ≤ observed) over all C(n+m, n) equally likely splits.</summary>
    public static double PLess(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        Probability(x, y, (split, observed) => split <= observed);

    public static IEnumerable<int[]> Subsets(int size, int count)
    {
        var chosen = new int[count];
        return Extend(0, 0);

        IEnumerable<int[]> Extend(int position, int next)
        {
            if (position == count)
            {
                yield return [.. chosen];
                yield break;
            }

            for (int i = next; i <= size - (count - position); i++)
            {
                chosen[position] = i;
                foreach (int[] subset in Extend(position + 1, i + 1))
                {
                    yield return subset;
                }
            }
        }
    }

    private static double Probability(IReadOnlyList<double> x, IReadOnlyList<double> y, Func<double, double, bool> counts)
    {
        double[] pooled = [.. x, .. y];
        double observed = U(x, y);
        int hits = 0;
        int total = 0;
        foreach (int[] subset in Subsets(pooled.Length, x.Count))
        {
            double[] first = [.. subset.Select(i => pooled[i])];
            double[] second = [.. Enumerable.Range(0, pooled.Length).Except(subset).Select(i => pooled[i])];
            hits += counts(U(first, second), observed) ? 1 : 0;
            total++;
        }

        return (double)hits / total;
    }
}
