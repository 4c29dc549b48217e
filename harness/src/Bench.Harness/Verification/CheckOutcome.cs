namespace Bench.Harness.Verification;

/// <summary>Outcome of one contract check (TechEmpower's pass/warn/fail).</summary>
internal enum CheckOutcome
{
    Pass,
    Warn,
    Fail,
}
