using System.Globalization;

namespace Bench.Harness.Sampling;

/// <summary>
/// Samples a process tree from /proc (methodology §5.3): the tree is re-discovered from every process's parent
/// PID on each call, so workers started or restarted since the last sample count. .NET's Process class is not
/// used: its CPU time covers one process only and its "private memory" is VmData (§5.2).
/// </summary>
internal sealed class ProcfsProcessSampler(string procRoot = "/proc") : IProcessSampler
{
    public IReadOnlyList<ProcessReading> SampleTree(int rootPid, IReadOnlyCollection<int> excludedRoots)
    {
        var stats = ReadAllStats();
        if (!stats.TryGetValue(rootPid, out var rootStat) || rootStat.State == 'Z')
        {
            return [];
        }

        var readings = new List<ProcessReading>();
        foreach (var pid in TreeMembers(rootPid, stats, excludedRoots))
        {
            if (Read(pid, stats[pid]) is { } reading)
            {
                readings.Add(reading);
            }
        }

        return readings;
    }

    /// <summary>Walks down from the root through a parent→children map, pruning excluded subtrees.</summary>
    private static List<int> TreeMembers(int rootPid, Dictionary<int, ProcfsParser.StatFields> stats, IReadOnlyCollection<int> excludedRoots)
    {
        var children = stats.ToLookup(entry => entry.Value.ParentPid, entry => entry.Key);
        var members = new List<int>();
        var pending = new Stack<int>();
        pending.Push(rootPid);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            members.Add(pid);
            foreach (var child in children[pid])
            {
                if (!excludedRoots.Contains(child) && stats[child].State != 'Z')
                {
                    pending.Push(child);
                }
            }
        }

        return members;
    }

    private Dictionary<int, ProcfsParser.StatFields> ReadAllStats()
    {
        var stats = new Dictionary<int, ProcfsParser.StatFields>();
        foreach (var dir in Directory.EnumerateDirectories(procRoot))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryReadText(Path.Combine(dir, "stat")) is { } text
                && ProcfsParser.ParseStat(text) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        return stats;
    }

    /// <summary>Reads the remaining files of one process; null when it vanished between the reads.</summary>
    private ProcessReading? Read(int pid, ProcfsParser.StatFields stat)
    {
        var dir = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture));
        var status = TryReadText(Path.Combine(dir, "status"));
        var threads = status is null ? null : ProcfsParser.ParseThreads(status);
        var openFiles = CountOpenFiles(Path.Combine(dir, "fd"));
        if (threads is null || openFiles is null)
        {
            return null;
        }

        // smaps_rollup walks page tables (costly on big heaps, fine at 1 Hz). A process whose mappings cannot be
        // read (another user's, or a kernel thread) falls back to VmRSS, with PSS taken as equal to RSS.
        var memory = TryReadText(Path.Combine(dir, "smaps_rollup")) is { } rollup ? ProcfsParser.ParseSmapsRollup(rollup) : null;
        if (memory is null && ProcfsParser.ParseStatusRss(status!) is { } statusRss)
        {
            memory = (statusRss, statusRss);
        }

        var cpu = ClockTicks.ToTimeSpan(stat.UserTicks + stat.SystemTicks);
        return new ProcessReading(pid, stat.StartTime, cpu, memory?.RssBytes ?? 0, memory?.PssBytes ?? 0, threads.Value, openFiles.Value);
    }

    private static int? CountOpenFiles(string fdDirectory)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(fdDirectory).Count();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A process can exit between listing /proc and opening its files: that is an absence, not an error.</summary>
    private static string? TryReadText(string path)
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
