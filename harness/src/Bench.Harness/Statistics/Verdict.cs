namespace Bench.Harness.Statistics;

/// <summary>What a comparison of current trials against baseline trials concludes.</summary>
internal enum Verdict
{
    /// <summary>No statistical statement can be made (too few trials, or neither a change nor equivalence is clear).</summary>
    Inconclusive,

    /// <summary>Current is better than baseline by more than the margin, at α.</summary>
    Better,

    /// <summary>Current is worse than baseline by more than the margin, at α.</summary>
    Worse,

    /// <summary>Current is within the margin of baseline on both sides, at α (equivalence shown, not merely assumed).</summary>
    Same,
}
