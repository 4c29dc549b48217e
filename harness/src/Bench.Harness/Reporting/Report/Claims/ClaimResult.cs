namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>A claim with this run's verdict, the sentence that explains it, the rule applied and the figures behind it.</summary>
/// <param name="Id">C1 … C8.</param>
/// <param name="Statement">The claim as articles make it.</param>
/// <param name="Rule">How Bench decides it (the same text as docs/claims.md).</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="Limit">For inconclusive verdicts: why (one trial, saturation, failures, overlap).</param>
/// <param name="Explanation">Plain words: what the figures say, point by point.</param>
/// <param name="Evidence">Every figure used, plus .NET's beside them.</param>
internal sealed record ClaimResult(
    string Id,
    string Statement,
    string Rule,
    ClaimVerdict Verdict,
    InconclusiveReason Limit,
    string Explanation,
    IReadOnlyList<ClaimEvidence> Evidence)
{
    /// <summary>The verdict as the report prints it: "holds", "inconclusive (1 trial)", "not measured" …</summary>
    public string VerdictText => (Verdict, Limit) switch
    {
        (ClaimVerdict.Holds, _) => "holds",
        (ClaimVerdict.DoesNotHold, _) => "does not hold",
        (ClaimVerdict.NotMeasured, _) => "not measured",
        (_, InconclusiveReason.SingleTrial) => "inconclusive (1 trial)",
        (_, InconclusiveReason.Saturated) => "inconclusive: generator saturated",
        (_, InconclusiveReason.Failed) => "inconclusive: cells failed",
        _ => "inconclusive",
    };
}
