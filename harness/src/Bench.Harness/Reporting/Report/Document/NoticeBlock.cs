namespace Bench.Harness.Reporting.Report.Document;

/// <summary>A warning a reader must not miss (saturated, failed or partial results): a quoted, marked paragraph.</summary>
internal sealed record NoticeBlock(string Text) : ReportBlock;
