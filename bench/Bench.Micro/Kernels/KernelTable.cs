using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Reports;

namespace Bench.Micro.Kernels;

/// <summary>
/// The kernel table: the analyze job per N in C#, in Python/NumPy in-process (both BenchmarkDotNet) and in
/// Node.js (node-kernel.mjs, out of process), written as Markdown, CSV and JSON beside BenchmarkDotNet's exports.
/// </summary>
internal static class KernelTable
{
    public const string FileStem = "kernel-table";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<KernelRow> Build(Summary summary, NodeKernelReport? node)
    {
        var rows = new List<KernelRow>();
        foreach (var n in KernelVectors.Sizes)
        {
            var nodeResult = node?.Results.FirstOrDefault(r => r.N == n);
            rows.Add(new KernelRow(
                n,
                Find(summary, n, nameof(AnalyzeKernelBenchmarks.CSharpMathNet)),
                Find(summary, n, nameof(AnalyzeKernelBenchmarks.PythonNumPyInProcess)),
                nodeResult is null ? null : new KernelMeasurement(nodeResult.MeanNs, nodeResult.StdDevNs, null, $"node-kernel.mjs, {node!.Node}, out of process")));
        }
        return rows;
    }

    /// <summary>Writes kernel-table.md, .csv and .json into <paramref name="directory"/> and returns the Markdown.</summary>
    public static string Write(IReadOnlyList<KernelRow> rows, string directory)
    {
        Directory.CreateDirectory(directory);
        var markdown = ToMarkdown(rows);
        File.WriteAllText(Path.Combine(directory, FileStem + ".md"), markdown);
        File.WriteAllText(Path.Combine(directory, FileStem + ".csv"), ToCsv(rows));
        File.WriteAllText(Path.Combine(directory, FileStem + ".json"), JsonSerializer.Serialize(new { unit = "ns", rows }, Json));
        return markdown;
    }

    public static string ToMarkdown(IReadOnlyList<KernelRow> rows)
    {
        var text = new StringBuilder()
            .AppendLine("| N | C# MathNet | Python NumPy, in-process | Node.js fft.js, out of process | NumPy / C# | Node.js / C# |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.N} | {Cell(row.CSharp)} | {Cell(row.PythonInProcess)} | {Cell(row.Node)} | {Ratio(row.PythonInProcess, row.CSharp)} | {Ratio(row.Node, row.CSharp)} |");
        }
        return text.AppendLine()
            .AppendLine("Mean ± standard deviation per call. C# and NumPy: BenchmarkDotNet (allocated .NET bytes per call in brackets;")
            .AppendLine("NumPy's own arrays are not .NET memory). Node.js: bench/scripts/node-kernel.mjs, timed batches in its own process.")
            .ToString();
    }

    private static string ToCsv(IReadOnlyList<KernelRow> rows)
    {
        var text = new StringBuilder("n,csharp_mean_ns,csharp_stddev_ns,csharp_allocated_bytes,numpy_mean_ns,numpy_stddev_ns,numpy_allocated_bytes,node_mean_ns,node_stddev_ns\n");
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',',
                row.N.ToString(CultureInfo.InvariantCulture),
                Number(row.CSharp?.MeanNs), Number(row.CSharp?.StdDevNs), Number(row.CSharp?.AllocatedBytes),
                Number(row.PythonInProcess?.MeanNs), Number(row.PythonInProcess?.StdDevNs), Number(row.PythonInProcess?.AllocatedBytes),
                Number(row.Node?.MeanNs), Number(row.Node?.StdDevNs)));
        }
        return text.ToString();
    }

    private static KernelMeasurement? Find(Summary summary, int n, string method)
    {
        var report = summary.Reports.FirstOrDefault(r =>
            r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && Equals(r.BenchmarkCase.Parameters["N"], n));
        if (report?.ResultStatistics is not { } statistics)
            return null;
        return new KernelMeasurement(statistics.Mean, statistics.StandardDeviation,
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase), "BenchmarkDotNet");
    }

    private static string Cell(KernelMeasurement? m)
    {
        if (m is null)
            return "—";
        var time = FormattableString.Invariant($"{m.MeanNs / 1000:N1} ± {m.StdDevNs / 1000:N1} µs");
        return m.AllocatedBytes is { } bytes ? FormattableString.Invariant($"{time} [{bytes:N0} B]") : time;
    }

    private static string Ratio(KernelMeasurement? value, KernelMeasurement? baseline) =>
        value is null || baseline is null ? "—" : FormattableString.Invariant($"{value.MeanNs / baseline.MeanNs:N2}×");

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
