namespace Bench.Harness.Verification;

/// <summary>One contract check's result: its group (http, analyze, websocket …), name, outcome and, when not passed, why.</summary>
internal sealed record CheckResult(string Group, string Name, CheckOutcome Outcome, string? Detail = null)
{
    public static CheckResult Pass(string group, string name) => new(group, name, CheckOutcome.Pass);

    public static CheckResult Fail(string group, string name, string detail) => new(group, name, CheckOutcome.Fail, detail);
}
