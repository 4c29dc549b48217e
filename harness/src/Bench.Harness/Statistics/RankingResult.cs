namespace Bench.Harness.Statistics;

/// <summary>
/// Which of several backends wins on one metric, if any does clearly.
/// </summary>
/// <param name="Winner">The backend clearly better than every other; null when there is no clear winner.</param>
/// <param name="Reason">One sentence for the report.</param>
/// <param name="ByMedian">Names ordered best median first: descriptive only, not a verdict.</param>
/// <param name="Pairwise">Every ordered pair (k·(k−1) comparisons), by current then baseline name.</param>
internal sealed record RankingResult(
    string? Winner,
    string Reason,
    IReadOnlyList<string> ByMedian,
    IReadOnlyList<PairwiseComparison> Pairwise);
