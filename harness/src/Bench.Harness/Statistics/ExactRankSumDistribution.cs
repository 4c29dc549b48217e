namespace Bench.Harness.Statistics;

/// <summary>
/// The exact permutation distribution of the first sample's rank sum under "no difference": every choice of
/// n positions out of the pooled N is equally likely, C(N, n) in all. Counting is done over the actual
/// (doubled) midranks, so ties are handled exactly rather than by an approximation.
/// </summary>
internal sealed class ExactRankSumDistribution
{
    private readonly long[] _counts;

    private ExactRankSumDistribution(long[] counts, long total)
    {
        _counts = counts;
        Total = total;
    }

    /// <summary>Number of equally likely arrangements, C(N, n).</summary>
    public long Total { get; }

    /// <summary>Counts subsets of size <paramref name="n"/> of <paramref name="doubledRanks"/> by their sum.</summary>
    public static ExactRankSumDistribution Of(IReadOnlyList<int> doubledRanks, int n)
    {
        int maxSum = doubledRanks.OrderDescending().Take(n).Sum();
        // ways[k][s]: subsets of size k of the ranks seen so far whose doubled rank sum is s (0/1 knapsack).
        var ways = new long[n + 1][];
        for (int k = 0; k <= n; k++)
        {
            ways[k] = new long[maxSum + 1];
        }

        ways[0][0] = 1;
        int seen = 0;
        foreach (int rank in doubledRanks)
        {
            seen++;
            for (int k = Math.Min(seen, n); k >= 1; k--)
            {
                long[] into = ways[k];
                long[] from = ways[k - 1];
                for (int s = maxSum; s >= rank; s--)
                {
                    into[s] += from[s - rank];
                }
            }
        }

        return new ExactRankSumDistribution(ways[n], ways[n].Sum());
    }

    /// <summary>Number of arrangements whose doubled rank sum is at least <paramref name="doubledSum"/>.</summary>
    public long CountAtLeast(int doubledSum) => Count(s => s >= doubledSum);

    /// <summary>Number of arrangements whose doubled rank sum is at most <paramref name="doubledSum"/>.</summary>
    public long CountAtMost(int doubledSum) => Count(s => s <= doubledSum);

    private long Count(Func<int, bool> include)
    {
        long count = 0;
        for (int s = 0; s < _counts.Length; s++)
        {
            if (include(s))
            {
                count += _counts[s];
            }
        }

        return count;
    }
}
