namespace Bench.Harness.Statistics;

/// <summary>
/// Decides whether current trials differ from baseline trials by more than a margin, in the manner of
/// BenchmarkDotNet's threshold test (two one-sided Mann–Whitney tests against a shifted baseline) with
/// ResultsComparer's absolute noise floor, adapted to few trials: α fits the trial counts, a single trial is
/// never tested, and "Same" requires equivalence to be shown rather than a failure to find a difference.
/// </summary>
internal static partial class Comparison
{
    /// <summary>
    /// Compares current trials with baseline trials on one metric.
    /// </summary>
    /// <param name="current">One value per trial of the run or backend being judged.</param>
    /// <param name="baseline">One value per trial of what it is judged against.</param>
    /// <param name="higherIsBetter">True for throughput-like metrics, false for latency, CPU and memory.</param>
    /// <param name="relativeThreshold">Smallest change that matters, as a fraction of the baseline (0.05 = 5%).</param>
    /// <param name="absoluteNoise">Smallest change that matters in the metric's unit; the margin is the larger of the two.</param>
    /// <param name="alpha">Significance level; by default <see cref="Alpha.For"/> the trial counts.</param>
    public static ComparisonResult Compare(
        IReadOnlyList<double> current,
        IReadOnlyList<double> baseline,
        bool higherIsBetter,
        double relativeThreshold,
        double absoluteNoise,
        double? alpha = null)
    {
        ValidateSettings(relativeThreshold, absoluteNoise, alpha);
        double[] x = Samples.SortedCopy(current, nameof(current));
        double[] y = Samples.SortedCopy(baseline, nameof(baseline));
        double level = alpha ?? (x.Length > 0 && y.Length > 0 ? Alpha.For(x.Length, y.Length) : Alpha.Loosest);
        ComparisonResult described = Describe(x, y, higherIsBetter, relativeThreshold, absoluteNoise, level);
        string? refusal = Refusal(x.Length, y.Length, level);
        return refusal is null ? Test(described, x, y) : described with { Reason = refusal };
    }

    private static ComparisonResult Describe(
        double[] x, double[] y, bool higherIsBetter, double relativeThreshold, double absoluteNoise, double alpha)
    {
        double? currentMedian = x.Length > 0 ? Samples.MedianOfSorted(x) : null;
        double? baselineMedian = y.Length > 0 ? Samples.MedianOfSorted(y) : null;
        double? relative = currentMedian is { } c && baselineMedian is { } b && b != 0 ? (c - b) / Math.Abs(b) : null;
        double? shift = x.Length > 0 && y.Length > 0 ? HodgesLehmann.Shift(x, y) : null;
        return new ComparisonResult(
            Verdict.Inconclusive, string.Empty, x.Length, y.Length, currentMedian, baselineMedian, relative, shift,
            PHigher: null, PLower: null, PWithin: null, PAnyDifference: null,
            alpha, higherIsBetter, relativeThreshold, absoluteNoise);
    }

    private static ComparisonResult Test(ComparisonResult described, double[] x, double[] y)
    {
        double[] upper = y.Select(v => v + Margin(v, described)).ToArray();
        double[] lower = y.Select(v => v - Margin(v, described)).ToArray();
        MannWhitneyResult againstUpper = MannWhitneyTest.Run(x, upper);
        MannWhitneyResult againstLower = MannWhitneyTest.Run(x, lower);
        var tested = described with
        {
            PHigher = againstUpper.PGreater,
            PLower = againstLower.PLess,
            // Equivalence (TOST): below the upper bound and above the lower bound, both at α.
            PWithin = Math.Max(againstUpper.PLess, againstLower.PGreater),
            PAnyDifference = MannWhitneyTest.Run(x, y).PTwoSided,
        };
        return Decide(tested);
    }

    private static ComparisonResult Decide(ComparisonResult tested)
    {
        double alpha = tested.Alpha;
        if (Alpha.IsWithin(tested.PHigher!.Value, alpha))
        {
            Verdict verdict = tested.HigherIsBetter ? Verdict.Better : Verdict.Worse;
            return tested with { Verdict = verdict, Reason = ChangedReason(tested, "higher", tested.PHigher.Value) };
        }

        if (Alpha.IsWithin(tested.PLower!.Value, alpha))
        {
            Verdict verdict = tested.HigherIsBetter ? Verdict.Worse : Verdict.Better;
            return tested with { Verdict = verdict, Reason = ChangedReason(tested, "lower", tested.PLower.Value) };
        }

        return Alpha.IsWithin(tested.PWithin!.Value, alpha)
            ? tested with { Verdict = Verdict.Same, Reason = SameReason(tested) }
            : tested with { Verdict = Verdict.Inconclusive, Reason = UnclearReason(tested) };
    }

    // The margin around each baseline trial: the relative threshold of that trial or the noise floor, whichever
    // is larger. Clearing it passes both of ResultsComparer's tests (threshold and noise) at once.
    private static double Margin(double baselineValue, ComparisonResult settings) =>
        Math.Max(settings.RelativeThreshold * Math.Abs(baselineValue), settings.AbsoluteNoise);

    private static void ValidateSettings(double relativeThreshold, double absoluteNoise, double? alpha)
    {
        if (!double.IsFinite(relativeThreshold) || relativeThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(relativeThreshold), relativeThreshold, "Must be a finite fraction ≥ 0.");
        }

        if (!double.IsFinite(absoluteNoise) || absoluteNoise < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteNoise), absoluteNoise, "Must be finite and ≥ 0.");
        }

        if (alpha is { } a && !(a > 0 && a < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), a, "Must lie strictly between 0 and 0.5.");
        }
    }
}
