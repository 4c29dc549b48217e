namespace Bench.Harness.Reporting.Report.Document;

/// <summary>A table; <paramref name="NumericColumns"/> are right-aligned.</summary>
internal sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> NumericColumns) : ReportBlock;
