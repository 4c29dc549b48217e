using System.Globalization;
using Bench.Harness.Results;
using Bench.Harness.Sampling;

namespace Bench.Harness.Gate;

/// <summary>
/// What makes figures from two machines comparable: the CPU model, the number of logical CPUs and the memory
/// in whole GiB. Kernel, OS patch level and runtime versions are deliberately left out: a change there is
/// something the gate should report as a regression or an improvement, not refuse.
/// </summary>
internal sealed record MachineClass(string? CpuModel, int Cores, long? MemoryGiB)
{
    private const double Gibibyte = 1024.0 * 1024 * 1024;

    public static MachineClass Of(EnvironmentManifest environment) =>
        new(environment.CpuModel, environment.Cores, Gib(environment.MemoryBytes));

    /// <summary>This machine, read the way <see cref="EnvironmentCollector"/> reads it, so a mismatch is found before a run starts.</summary>
    public static MachineClass Current()
    {
        var cpuinfo = ReadOrNull("/proc/cpuinfo");
        var meminfo = ReadOrNull("/proc/meminfo");
        return new(
            cpuinfo is null ? null : EnvironmentFacts.CpuModel(cpuinfo),
            MachineCpus.Online,
            Gib(meminfo is null ? null : EnvironmentFacts.MemoryTotalBytes(meminfo)));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{CpuModel ?? "unknown CPU"}, {Cores} CPUs, {(MemoryGiB is { } gib ? $"{gib} GiB" : "unknown memory")}");

    // MemTotal is a little below the installed size (the kernel keeps some), so round rather than truncate.
    private static long? Gib(long? bytes) => bytes is { } b ? (long)Math.Round(b / Gibibyte) : null;

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
