namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>What this run says about a claim (docs/claims.md).</summary>
internal enum ClaimVerdict
{
    /// <summary>The evidence supports the claim at the stated significance level.</summary>
    Holds,

    /// <summary>The evidence contradicts the claim: the opposite, or equivalence, is statistically clear.</summary>
    DoesNotHold,

    /// <summary>The workload ran but the evidence decides nothing (one trial, too few trials, saturation, failures, overlap).</summary>
    Inconclusive,

    /// <summary>The workload or a backend the claim needs was not run: nothing is guessed.</summary>
    NotMeasured,
}
