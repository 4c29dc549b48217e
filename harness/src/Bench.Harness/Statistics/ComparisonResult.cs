namespace Bench.Harness.Statistics;

/// <summary>
/// A verdict with every number behind it, so reports and the regression gate can show why.
/// </summary>
/// <param name="Verdict">The conclusion, oriented by <paramref name="HigherIsBetter"/>.</param>
/// <param name="Reason">One sentence that explains the verdict to a reader of the report.</param>
/// <param name="CurrentCount">Number of current trials.</param>
/// <param name="BaselineCount">Number of baseline trials.</param>
/// <param name="CurrentMedian">Median of the current trials; null without trials.</param>
/// <param name="BaselineMedian">Median of the baseline trials; null without trials.</param>
/// <param name="RelativeChange">(current median − baseline median) / |baseline median|; null when undefined.</param>
/// <param name="Shift">Hodges–Lehmann shift, current minus baseline; null when a side has no trials.</param>
/// <param name="PHigher">One-sided p for "current is higher than baseline by more than the margin".</param>
/// <param name="PLower">One-sided p for "current is lower than baseline by more than the margin".</param>
/// <param name="PWithin">TOST p for "current is within the margin of baseline": the larger of its two one-sided p-values.</param>
/// <param name="PAnyDifference">Two-sided p of the plain test with no margin, for information only.</param>
/// <param name="Alpha">The significance level the verdict used.</param>
/// <param name="HigherIsBetter">Whether a higher value of the metric is an improvement.</param>
/// <param name="RelativeThreshold">Smallest relevant change as a fraction of each baseline trial.</param>
/// <param name="AbsoluteNoise">Smallest relevant change in the metric's unit (the noise floor).</param>
internal sealed record ComparisonResult(
    Verdict Verdict,
    string Reason,
    int CurrentCount,
    int BaselineCount,
    double? CurrentMedian,
    double? BaselineMedian,
    double? RelativeChange,
    double? Shift,
    double? PHigher,
    double? PLower,
    double? PWithin,
    double? PAnyDifference,
    double Alpha,
    bool HigherIsBetter,
    double RelativeThreshold,
    double AbsoluteNoise);
