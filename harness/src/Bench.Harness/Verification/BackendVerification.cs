namespace Bench.Harness.Verification;

/// <summary>Everything verify found about one backend, with its last output lines when something failed.</summary>
internal sealed record BackendVerification(string Backend, IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> LastOutput)
{
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Outcome != CheckOutcome.Fail);
}
