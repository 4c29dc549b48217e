namespace Bench.Harness.Preflight;

/// <summary>Every finding of one preflight, printed whole; any error refuses the run before anything starts.</summary>
internal sealed record PreflightReport(IReadOnlyList<PreflightFinding> Findings)
{
    public IEnumerable<PreflightFinding> Errors => Findings.Where(f => f.Severity == PreflightSeverity.Error);

    public bool CanRun => !Errors.Any();
}
