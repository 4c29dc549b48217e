namespace Bench.Harness.Reporting.Report.Document;

/// <summary>A paragraph of text.</summary>
internal sealed record ParagraphBlock(string Text) : ReportBlock;
