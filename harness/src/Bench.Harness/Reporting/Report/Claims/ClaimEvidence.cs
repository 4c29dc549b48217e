namespace Bench.Harness.Reporting.Report.Claims;

/// <summary>One figure behind a claim, as the report's evidence table shows it.</summary>
/// <param name="Backend">Backend the figure belongs to.</param>
/// <param name="Workload">Workload.</param>
/// <param name="Scale">Devices.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Figure">Median with unit, e.g. "12.5 ms".</param>
/// <param name="Spread">The median's 95% interval in words, or why there is none, with the trial count.</param>
/// <param name="Role">"claim" for the backends the claim is about, "reference" for .NET's figures beside them.</param>
internal sealed record ClaimEvidence(string Backend, string Workload, int Scale, string Metric, string Figure, string Spread, string Role);
