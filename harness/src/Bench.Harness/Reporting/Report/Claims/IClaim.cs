namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>One claim Node-vs-Python articles make, with the rule Bench applies to decide it (docs/claims.md).</summary>
internal interface IClaim
{
    /// <summary>C1 … C8.</summary>
    string Id { get; }

    /// <summary>The claim, as articles make it.</summary>
    string Statement { get; }

    /// <summary>The rule in words: workload, metric, backends, margin, and what decides.</summary>
    string Rule { get; }

    /// <summary>The findings, one per point of evidence (workload × scale, or job size).</summary>
    IReadOnlyList<Finding> Assess(ClaimContext context);

    /// <summary>What the verdict "not measured" should say when nothing was run.</summary>
    string NotMeasured { get; }
}
