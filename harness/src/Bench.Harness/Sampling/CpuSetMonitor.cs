using System.Globalization;

namespace Bench.Harness.Sampling;

/// <summary>
/// How busy a set of CPUs is, from <c>/proc/stat</c> at every <see cref="ResourceMonitor"/> sample (1 Hz): the load
/// agents (and the brokers) are pinned to the generator's CPUs, and every agent judges only its own CPU share, so six
/// agents sharing one core each see about a sixth of it while together they keep it full. The whole set's busy share is what says the generator side was the
/// bottleneck (compare marks such a cell saturated).
/// </summary>
internal sealed class CpuSetMonitor(IReadOnlyList<int> cpus, Func<string?> readStat)
{
    private readonly List<(DateTimeOffset At, double Busy)> _samples = [];
    private readonly Lock _gate = new();
    private Dictionary<int, CpuTicks>? _previous;

    /// <summary>The CPUs watched, as given.</summary>
    public IReadOnlyList<int> Cpus { get; } = cpus;

    /// <summary>A monitor of a taskset list such as <c>0</c> or <c>0-2,4</c>, or null when there is no list (nothing pinned) or it does not parse.</summary>
    public static CpuSetMonitor? For(string? cpuList) =>
        cpuList is not null && ParseList(cpuList) is { Count: > 0 } cpus ? new CpuSetMonitor(cpus, ReadProcStat) : null;

    /// <summary>Parses a taskset CPU list; null when malformed.</summary>
    public static IReadOnlyList<int>? ParseList(string text)
    {
        var cpus = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length is < 1 or > 2 || !range.All(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return null;
            }

            var first = int.Parse(range[0], CultureInfo.InvariantCulture);
            var last = int.Parse(range[^1], CultureInfo.InvariantCulture);
            if (last < first)
            {
                return null;
            }

            for (var cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return cpus.Count == 0 ? null : [.. cpus];
    }

    /// <summary>Per-CPU tick counters from /proc/stat text: busy (user, nice, system, irq, softirq, steal) and total (busy + idle + iowait).</summary>
    public static Dictionary<int, CpuTicks> ParseStat(string text)
    {
        var ticks = new Dictionary<int, CpuTicks>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal) || line.Length < 4 || !char.IsAsciiDigit(line[3]))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8 || !int.TryParse(fields[0].AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var cpu))
            {
                continue;
            }

            var values = fields.Skip(1).Take(8).Select(f => long.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
            long Field(int i) => i < values.Length ? values[i] : 0;
            var busy = Field(0) + Field(1) + Field(2) + Field(5) + Field(6) + Field(7);
            ticks[cpu] = new CpuTicks(busy, busy + Field(3) + Field(4));
        }

        return ticks;
    }

    /// <summary>The busy share of <paramref name="cpus"/> between two readings, or null when none of them advanced.</summary>
    public static double? BusyBetween(IReadOnlyDictionary<int, CpuTicks> before, IReadOnlyDictionary<int, CpuTicks> after, IReadOnlyList<int> cpus)
    {
        long busy = 0, total = 0;
        foreach (var cpu in cpus)
        {
            if (before.TryGetValue(cpu, out var b) && after.TryGetValue(cpu, out var a))
            {
                busy += a.Busy - b.Busy;
                total += a.Total - b.Total;
            }
        }

        return total <= 0 ? null : Math.Clamp((double)busy / total, 0, 1);
    }

    /// <summary>Takes one reading at <paramref name="now"/>; from the second on, each adds the busy share since the previous one.</summary>
    public void SampleOnce(DateTimeOffset now)
    {
        if (readStat() is not { } text)
        {
            return;
        }

        var ticks = ParseStat(text);
        lock (_gate)
        {
            if (_previous is not null && BusyBetween(_previous, ticks, Cpus) is { } busy)
            {
                _samples.Add((now, busy));
            }

            _previous = ticks;
        }
    }

    /// <summary>The median second's busy share within [from, to], or null without a sample there.</summary>
    public double? MedianBusy(DateTimeOffset from, DateTimeOffset to)
    {
        double[] inside;
        lock (_gate)
        {
            inside = [.. _samples.Where(s => s.At > from && s.At <= to).Select(s => s.Busy).Order()];
        }

        return inside.Length == 0 ? null
            : inside.Length % 2 == 1 ? inside[inside.Length / 2]
            : (inside[(inside.Length / 2) - 1] + inside[inside.Length / 2]) / 2;
    }

    private static string? ReadProcStat()
    {
        try
        {
            return File.ReadAllText("/proc/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>One CPU's cumulative ticks: busy, and busy plus idle.</summary>
internal readonly record struct CpuTicks(long Busy, long Total);
