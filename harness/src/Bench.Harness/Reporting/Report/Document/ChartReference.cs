namespace Bench.Harness.Reporting.Report.Document;

/// <summary>A chart placed in a section: its id (charts/&lt;id&gt;.svg, .png, .vl.json) and its caption.</summary>
internal sealed record ChartReference(string Id, string Caption);
