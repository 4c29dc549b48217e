namespace Bench.Harness.Reporting.Report.Document;

/// <summary>A section: a heading, its blocks, then its charts (by id, files under charts/).</summary>
/// <param name="Heading">Section heading.</param>
/// <param name="Level">2 for top-level sections, 3 for subsections.</param>
/// <param name="Blocks">Content in order.</param>
/// <param name="Charts">Charts shown after the blocks.</param>
internal sealed record ReportSection(string Heading, int Level, IReadOnlyList<ReportBlock> Blocks, IReadOnlyList<ChartReference> Charts);
