namespace Bench.Harness.Reporting.Report.Document;

/// <summary>The report as structure: a title, a lead paragraph and sections; Markdown and HTML are two renderings of it.</summary>
internal sealed record ReportDocument(string Title, string Lead, IReadOnlyList<ReportSection> Sections);
