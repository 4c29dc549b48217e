namespace Bench.Harness.Reporting.Report;

/// <summary>What <see cref="ReportWriter"/> wrote, and what it could not (report.md is always written).</summary>
/// <param name="Directory">The results folder holding the report.</param>
/// <param name="Markdown">Path of report.md.</param>
/// <param name="Html">Path of report.html, or null when it could not be built.</param>
/// <param name="Charts">Charts rendered to charts/.</param>
/// <param name="Problems">Why charts or report.html are missing; empty when everything was written.</param>
internal sealed record ReportOutcome(string Directory, string Markdown, string? Html, int Charts, IReadOnlyList<string> Problems);
