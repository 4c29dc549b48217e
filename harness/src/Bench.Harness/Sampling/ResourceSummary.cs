namespace Bench.Harness.Sampling;

/// <summary>
/// One tree's resource use over a window (normally the measured phase, warm-up excluded). CPU figures use only
/// samples whose whole interval lies inside the window, so no warm-up CPU leaks in; memory, threads and files
/// are instants and use every sample taken inside it.
/// </summary>
internal sealed record ResourceSummary(
    string Source,
    DateTimeOffset From,
    DateTimeOffset To,
    SampleStatistics CpuPercent,
    SampleStatistics CpuPercentOfMachine,
    TimeSpan CpuTime,
    TimeSpan CpuCovered,
    SampleStatistics RssBytes,
    SampleStatistics PssBytes,
    SampleStatistics Threads,
    SampleStatistics OpenFiles,
    int MaxProcesses)
{
    public static ResourceSummary Create(string source, IEnumerable<ResourceSample> samples, DateTimeOffset from, DateTimeOffset to)
    {
        var inside = samples.Where(s => s.At >= from && s.At <= to).ToList();
        var cpu = inside.Where(s => s.CpuPercent is not null && s.At - s.Interval >= from).ToList();
        return new ResourceSummary(
            source,
            from,
            to,
            SampleStatistics.Of(cpu.Select(s => s.CpuPercent!.Value)),
            SampleStatistics.Of(cpu.Select(s => s.CpuPercentOfMachine!.Value)),
            cpu.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.CpuTime),
            cpu.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Interval),
            SampleStatistics.Of(inside.Select(s => (double)s.RssBytes)),
            SampleStatistics.Of(inside.Select(s => (double)s.PssBytes)),
            SampleStatistics.Of(inside.Select(s => (double)s.Threads)),
            SampleStatistics.Of(inside.Select(s => (double)s.OpenFiles)),
            inside.Count == 0 ? 0 : inside.Max(s => s.Processes));
    }
}
