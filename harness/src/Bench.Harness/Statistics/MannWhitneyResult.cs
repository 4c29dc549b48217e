namespace Bench.Harness.Statistics;

/// <summary>
/// Outcome of a Mann–Whitney U test of x against y.
/// </summary>
/// <param name="U">U of the first sample: pairs with x &gt; y, ties counting one half.</param>
/// <param name="PGreater">One-sided p for "x tends to be larger than y": P(U ≥ observed) under no difference.</param>
/// <param name="PLess">One-sided p for "x tends to be smaller than y": P(U ≤ observed) under no difference.</param>
/// <param name="PTwoSided">Two-sided p: twice the smaller one-sided p, capped at 1.</param>
/// <param name="IsExact">True when the p-values come from exact counting, false for the normal approximation.</param>
internal sealed record MannWhitneyResult(double U, double PGreater, double PLess, double PTwoSided, bool IsExact);
