namespace Bench.Harness.Statistics;

/// <summary>
/// Significance levels that fit the number of trials. An exact rank test on n and m trials cannot produce a
/// one-sided p below 1/C(n+m, n) (n = m = 3: 1/20; n = m = 5: 1/252), so a fixed α such as BenchmarkDotNet's
/// 1e-5 would never flag anything with the 3–5 trials a load test affords.
/// </summary>
internal static class Alpha
{
    /// <summary>The conventional levels Bench picks from, smallest first.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.001, 0.01, 0.05];

    /// <summary>The loosest level Bench uses: below 1-in-20 false alarms per one-sided test.</summary>
    public const double Loosest = 0.05;

    // p-values and α are compared with this much relative slack so that 1/20 computed as a ratio of counts
    // equals a configured 0.05.
    private const double Slack = 1e-9;

    /// <summary>
    /// The smallest level in <see cref="Levels"/> that the exact test can reach with these sample sizes, or
    /// <see cref="Loosest"/> when none can (then no comparison of such samples is ever clear).
    /// </summary>
    public static double For(int n, int m)
    {
        double smallest = SmallestAttainable(n, m);
        foreach (double level in Levels)
        {
            if (IsWithin(smallest, level))
            {
                return level;
            }
        }

        return Loosest;
    }

    /// <summary>The smallest one-sided p an exact rank test can give: 1/C(n+m, n), the fully separated arrangement.</summary>
    public static double SmallestAttainable(int n, int m)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        double arrangements = 1;
        for (int i = 1; i <= Math.Min(n, m); i++)
        {
            arrangements = arrangements * (Math.Max(n, m) + i) / i;
        }

        return 1 / arrangements;
    }

    /// <summary>True when some outcome of n and m trials can give p ≤ <paramref name="alpha"/>.</summary>
    public static bool IsReachable(double alpha, int n, int m) => IsWithin(SmallestAttainable(n, m), alpha);

    /// <summary>p ≤ α, tolerant of the last bits of a ratio of counts.</summary>
    public static bool IsWithin(double p, double alpha) => p <= alpha * (1 + Slack);
}
