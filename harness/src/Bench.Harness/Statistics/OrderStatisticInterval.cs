namespace Bench.Harness.Statistics;

/// <summary>
/// Distribution-free confidence interval of the median from order statistics: for continuous data the number
/// of values below the true median is Binomial(n, 1/2), so [x(k), x(n+1-k)] covers it with probability
/// 1 - 2·P(B ≤ k-1). No shape is assumed, which matters when a cell has a handful of trials.
/// </summary>
internal static class OrderStatisticInterval
{
    /// <summary>
    /// The narrowest symmetric order-statistic interval whose coverage is at least <paramref name="level"/>,
    /// or null when even [min, max] does not reach it (n &lt; 6 for 95%).
    /// </summary>
    public static ConfidenceInterval? FromSorted(double[] sorted, double level)
    {
        int n = sorted.Length;
        double tailBudget = (1 - level) / 2;
        double tail = 0;
        int k = 0;
        // Grow the lower index while the probability of fewer than k+1 values below the median still fits the budget.
        while (k < n / 2)
        {
            double next = tail + BinomialHalfPmf(n, k);
            if (next > tailBudget)
            {
                break;
            }

            tail = next;
            k++;
        }

        return k == 0 ? null : new ConfidenceInterval(sorted[k - 1], sorted[n - k], 1 - 2 * tail);
    }

    /// <summary>P(B = i) for B ~ Binomial(n, 1/2), in log space so large n does not underflow 2^-n.</summary>
    internal static double BinomialHalfPmf(int n, int i)
    {
        double logChoose = 0;
        for (int j = 1; j <= i; j++)
        {
            logChoose += Math.Log(n - i + j) - Math.Log(j);
        }

        return Math.Exp(logChoose - n * Math.Log(2));
    }
}
