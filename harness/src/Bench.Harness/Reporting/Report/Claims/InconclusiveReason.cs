namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>Why a point of evidence decides nothing.</summary>
internal enum InconclusiveReason
{
    /// <summary>Not inconclusive.</summary>
    None,

    /// <summary>A single trial on a side: no statistical test is possible.</summary>
    SingleTrial,

    /// <summary>The only cells saturated the load generator: the figures bound the generator, not the backend.</summary>
    Saturated,

    /// <summary>The only cells failed or crashed.</summary>
    Failed,

    /// <summary>Trials enough, but neither the claim nor its opposite is statistically clear.</summary>
    Unclear,
}
