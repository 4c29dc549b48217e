namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>
/// A claim's outcome at one point of evidence (a workload × scale, or a job size). <see cref="Suggests"/> is what
/// single-trial figures point to when no test was possible: true (the claim), false (against it), null (nothing).
/// </summary>
/// <param name="Verdict">The outcome at this point.</param>
/// <param name="Where">The point, e.g. "ws-fleet at 10,000 devices".</param>
/// <param name="Detail">One sentence with the figures and the test behind the outcome.</param>
/// <param name="Limit">Why the point is inconclusive, when it is.</param>
/// <param name="Suggests">For single-trial points: which way the figures lean.</param>
internal sealed record Finding(ClaimVerdict Verdict, string Where, string Detail, InconclusiveReason Limit = InconclusiveReason.None, bool? Suggests = null)
{
    public static Finding NotMeasured(string where, string detail) => new(ClaimVerdict.NotMeasured, where, detail);

    public static Finding Unclear(string where, string detail, InconclusiveReason limit, bool? suggests = null) =>
        new(ClaimVerdict.Inconclusive, where, detail, limit, suggests);
}
