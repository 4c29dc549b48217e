namespace Bench.Harness.Reporting.Report.Document;

/// <summary>A bulleted list.</summary>
internal sealed record ListBlock(IReadOnlyList<string> Items) : ReportBlock;
