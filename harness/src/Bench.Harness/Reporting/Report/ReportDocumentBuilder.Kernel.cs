using Bench.Harness.Reporting.Report.Document;
using Bench.Harness.Reporting.Report.Kernel;

namespace Bench.Harness.Reporting.Report;

internal static partial class ReportDocumentBuilder
{
    private const string KernelMethod = "The analyze job (contract §4) per call, without HTTP, on the same deterministic vectors at every N: "
        + "the .NET backend's kernel (MathNet) and the Python backend's NumPy kernel called in-process through embedded CPython, both "
        + "measured by BenchmarkDotNet's ShortRun job (one launch, 3 warm-up and 3 measured iterations); the Node.js backend's kernel "
        + "(fft.js) timed out of process by bench/scripts/node-kernel.mjs. Mean ± standard deviation per call; allocated .NET bytes per "
        + "call in brackets (NumPy's own arrays are not .NET memory); ratios are means over C#'s. docs/micro.md explains how to read it.";

    /// <summary>The kernel table section, when the run asked for one: the table, or why there is none.</summary>
    private static IEnumerable<ReportSection> KernelSections(ReportModel model)
    {
        var kernel = model.Kernel;
        if (kernel.Table is { } table)
        {
            yield return new ReportSection("Kernel table", 2, [new ParagraphBlock(KernelMethod), KernelTableBlock(table)], []);
        }
        else if (kernel.Problem is { } problem)
        {
            var notice = new NoticeBlock($"**Kernel table: failed**: {problem}. The cells above are unaffected; `./bench.sh micro "
                + "--filter '*AnalyzeKernel*'` measures the kernels on their own.");
            yield return new ReportSection("Kernel table", 2, [notice], []);
        }
    }

    private static TableBlock KernelTableBlock(KernelTable table)
    {
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)[
            ReportText.Count(r.N), KernelCell(r.CSharp), KernelCell(r.PythonInProcess), KernelCell(r.Node),
            KernelRatio(r.PythonInProcess, r.CSharp), KernelRatio(r.Node, r.CSharp)]).ToList();
        return new TableBlock(
            ["N", "C# MathNet", "Python NumPy, in-process", "Node.js fft.js, out of process", "NumPy / C#", "Node.js / C#"],
            rows,
            new HashSet<int> { 0, 1, 2, 3, 4, 5 });
    }

    /// <summary>"91.7 ± 7.7 µs [24,208 B]", or a dash where the kernel was not measured.</summary>
    private static string KernelCell(KernelMeasurement? measurement)
    {
        if (measurement is null)
        {
            return "—";
        }

        var time = measurement.Describe();
        return measurement.AllocatedBytes is { } bytes ? $"{time} [{ReportText.Count(bytes)} B]" : time;
    }

    private static string KernelRatio(KernelMeasurement? value, KernelMeasurement? baseline) =>
        value is null || baseline is null ? "—" : ReportText.Format($"{value.MeanNs / baseline.MeanNs:N2}×");
}
