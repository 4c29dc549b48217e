namespace Bench.Harness.Reporting.Report.Document;

/// <summary>
/// One block of a report section, rendered alike to Markdown and to HTML. Text may use two inline marks only:
/// <c>**bold**</c> and <c>`code`</c>; everything else is literal.
/// </summary>
internal abstract record ReportBlock;
