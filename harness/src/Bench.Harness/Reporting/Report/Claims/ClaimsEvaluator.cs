namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>Evaluates every claim against one run. Each claim's rule lives in its own class and in docs/claims.md.</summary>
internal static class ClaimsEvaluator
{
    /// <summary>The claims in the order the report lists them.</summary>
    public static IReadOnlyList<IClaim> Claims { get; } =
    [
        new PersistentConnectionLatencyClaim(),
        new MemoryPerConnectionClaim(),
        new CpuJobStallClaim(),
        new NumPySpeedClaim(),
        new SmallFleetSloClaim(),
        new WorkerMemoryClaim(),
        new HttpThroughputClaim(),
        new HybridIngestionClaim(),
    ];

    public static IReadOnlyList<ClaimResult> Evaluate(ReportModel model) => [.. Claims.Select(claim => Evaluate(claim, model))];

    public static ClaimResult Evaluate(IClaim claim, ReportModel model)
    {
        var context = new ClaimContext(model);
        var findings = claim.Assess(context);
        var (verdict, limit, explanation) = FindingSummary.Fold(findings, claim.NotMeasured);
        return new ClaimResult(claim.Id, claim.Statement, claim.Rule, verdict, limit, explanation, context.Evidence);
    }
}
