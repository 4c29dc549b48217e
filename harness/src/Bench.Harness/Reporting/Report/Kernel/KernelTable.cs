namespace Bench.Harness.Reporting.Report.Kernel;

/// <summary>
/// micro/kernel-table.json: the analyze kernel per N without HTTP (docs/micro.md), rows ascending by N.
/// </summary>
/// <param name="Unit">Always "ns".</param>
/// <param name="Rows">One row per N.</param>
internal sealed record KernelTable(string Unit, IReadOnlyList<KernelTableRow> Rows)
{
    /// <summary>True when at least one cell was measured: a table of dashes is no table.</summary>
    public bool HasMeasurements => Rows.Any(r => r.CSharp is not null || r.PythonInProcess is not null || r.Node is not null);
}
