namespace Bench.Harness.Reporting.Report;

/// <summary>What the figures of a backend × workload × scale are good for.</summary>
internal enum EvidenceGrade
{
    /// <summary>At least one trial ran to the end ("ok"): its figures may decide winners and claims.</summary>
    Valid,

    /// <summary>Only saturated trials: the generator was the bottleneck, figures are shown but prove nothing.</summary>
    Saturated,

    /// <summary>Only failed or crashed trials: whatever was measured before the failure, shown but never compared.</summary>
    Failed,

    /// <summary>Every trial was skipped: nothing measured.</summary>
    NotRun,
}
