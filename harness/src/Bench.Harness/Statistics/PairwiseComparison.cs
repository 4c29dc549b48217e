namespace Bench.Harness.Statistics;

/// <summary>One ordered pair of a ranking: <see cref="Current"/> compared against <see cref="Baseline"/>.</summary>
internal sealed record PairwiseComparison(string Current, string Baseline, ComparisonResult Result);
