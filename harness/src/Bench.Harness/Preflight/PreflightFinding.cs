namespace Bench.Harness.Preflight;

/// <summary>One checked limit: what was found, what the plan needs, and what to do about it when it falls short.</summary>
internal sealed record PreflightFinding(PreflightSeverity Severity, string Limit, string Found, string Needed, string Explanation);
