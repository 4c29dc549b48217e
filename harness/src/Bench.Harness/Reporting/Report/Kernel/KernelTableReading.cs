namespace Bench.Harness.Reporting.Report.Kernel;

/// <summary>
/// What a results folder says about the kernel table: nothing (the run did not ask for it), the table, or why
/// there is none (the kernel phase failed, or the file is unreadable).
/// </summary>
/// <param name="Table">The table, when it was read.</param>
/// <param name="Problem">Why there is no table although one was asked for.</param>
internal sealed record KernelTableReading(KernelTable? Table, string? Problem)
{
    /// <summary>No kernel table was asked for: the report has no kernel section.</summary>
    public static KernelTableReading Absent { get; } = new(null, null);

    /// <summary>True when the report has something to say about the kernel table.</summary>
    public bool IsPresent => Table is not null || Problem is not null;

    public static KernelTableReading Of(KernelTable table) => new(table, null);

    public static KernelTableReading Failed(string problem) => new(null, problem);
}
