namespace Bench.Harness.Statistics;

/// <summary>
/// The Mann–Whitney U (Wilcoxon rank-sum) test: distribution-free, so it does not assume trial results are
/// normal, and it is exact for the small trial counts Bench runs.
/// </summary>
internal static class MannWhitneyTest
{
    /// <summary>Largest pooled size for which the null distribution is counted exactly.</summary>
    public const int ExactLimit = 40;

    /// <summary>Tests <paramref name="x"/> against <paramref name="y"/>; both must be non-empty and finite.</summary>
    public static MannWhitneyResult Run(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Require(x, nameof(x));
        Require(y, nameof(y));
        Midranks ranks = Midranks.Of(x, y);
        int n = x.Count;
        int doubledSum = ranks.DoubledRanks.Take(n).Sum();
        double u = (doubledSum - n * (n + 1)) / 2.0;
        return ranks.DoubledRanks.Length <= ExactLimit
            ? Exact(ranks, n, doubledSum, u)
            : Approximate(ranks, n, y.Count, u);
    }

    private static MannWhitneyResult Exact(Midranks ranks, int n, int doubledSum, double u)
    {
        var distribution = ExactRankSumDistribution.Of(ranks.DoubledRanks, n);
        double total = distribution.Total;
        double greater = distribution.CountAtLeast(doubledSum) / total;
        double less = distribution.CountAtMost(doubledSum) / total;
        return new MannWhitneyResult(u, greater, less, TwoSided(greater, less), IsExact: true);
    }

    // Normal approximation with the tie-corrected variance and a continuity correction of ½ towards the mean.
    private static MannWhitneyResult Approximate(Midranks ranks, int n, int m, double u)
    {
        double pooled = n + m;
        double tieTerm = ranks.TieSizes.Sum(t => (double)t * t * t - t) / (pooled * (pooled - 1));
        double sigma = Math.Sqrt(n * (double)m / 12 * (pooled + 1 - tieTerm));
        if (sigma == 0)
        {
            // Every value tied: no arrangement is more extreme than another.
            return new MannWhitneyResult(u, 1, 1, 1, IsExact: false);
        }

        double mean = n * (double)m / 2;
        double greater = Math.Min(1, NormalDistribution.Cdf(-(u - mean - 0.5) / sigma));
        double less = Math.Min(1, NormalDistribution.Cdf((u - mean + 0.5) / sigma));
        return new MannWhitneyResult(u, greater, less, TwoSided(greater, less), IsExact: false);
    }

    private static double TwoSided(double greater, double less) => Math.Min(1, 2 * Math.Min(greater, less));

    private static void Require(IReadOnlyList<double> sample, string paramName)
    {
        ArgumentNullException.ThrowIfNull(sample, paramName);
        if (sample.Count == 0)
        {
            throw new ArgumentException("The test needs at least one value in each sample.", paramName);
        }

        if (sample.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value must be a finite number.", paramName);
        }
    }
}
