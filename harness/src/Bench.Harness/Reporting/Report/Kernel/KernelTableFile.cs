using System.Text.Json;

namespace Bench.Harness.Reporting.Report.Kernel;

/// <summary>
/// Where a results folder keeps the kernel table and how it is read. The kernel phase of compare writes
/// <c>micro/kernel-table.json</c> when it succeeds, or <c>micro/kernel-table-failed.txt</c> (the reason) when it
/// does not; a folder with neither had no kernel phase.
/// </summary>
internal static class KernelTableFile
{
    public const string Folder = "micro";
    public const string FileName = "kernel-table.json";
    public const string FailedFileName = "kernel-table-failed.txt";

    public static string PathIn(string resultsDirectory) => Path.Combine(resultsDirectory, Folder, FileName);

    public static string FailedPathIn(string resultsDirectory) => Path.Combine(resultsDirectory, Folder, FailedFileName);

    /// <summary>The table, the recorded failure, or <see cref="KernelTableReading.Absent"/>; never throws for a bad file.</summary>
    public static KernelTableReading Read(string resultsDirectory)
    {
        var path = PathIn(resultsDirectory);
        if (File.Exists(path))
        {
            return Parse(File.ReadAllText(path), $"{Folder}/{FileName}");
        }

        var failed = FailedPathIn(resultsDirectory);
        return File.Exists(failed) ? KernelTableReading.Failed(File.ReadAllText(failed).Trim()) : KernelTableReading.Absent;
    }

    /// <summary>Parses and checks one kernel-table.json; <paramref name="name"/> names it in problems.</summary>
    public static KernelTableReading Parse(string json, string name)
    {
        KernelTable? table;
        try
        {
            table = JsonSerializer.Deserialize(json, KernelTableJsonContext.Default.KernelTable);
        }
        catch (JsonException ex)
        {
            return KernelTableReading.Failed($"{name} is not valid JSON: {ex.Message}");
        }

        var problem = table is null ? "is empty (null)" : Check(table);
        return problem is null ? KernelTableReading.Of(table! with { Rows = [.. table.Rows.OrderBy(r => r.N)] }) : KernelTableReading.Failed($"{name} {problem}");
    }

    /// <summary>Records why the kernel phase produced no table, for the report to say so.</summary>
    public static void WriteFailure(string resultsDirectory, string reason)
    {
        Directory.CreateDirectory(Path.Combine(resultsDirectory, Folder));
        File.WriteAllText(FailedPathIn(resultsDirectory), reason + Environment.NewLine);
    }

    private static string? Check(KernelTable table)
    {
        if (table.Unit != "ns")
        {
            return $"has unit '{table.Unit}', expected 'ns'";
        }

        if (table.Rows is null || table.Rows.Count == 0)
        {
            return "has no rows";
        }

        foreach (var row in table.Rows)
        {
            if (row.N <= 0)
            {
                return $"has a row with n = {row.N}, expected a positive sample count";
            }

            if (new[] { row.CSharp, row.PythonInProcess, row.Node }.Any(m => m is not null && !(m.MeanNs > 0 && m.StdDevNs >= 0 && double.IsFinite(m.MeanNs + m.StdDevNs))))
            {
                return $"has a non-positive or non-finite mean or standard deviation at n = {row.N}";
            }
        }

        return table.HasMeasurements ? null : "has no measured cell (every kernel failed; see micro/micro.log)";
    }
}
