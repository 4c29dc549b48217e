using System.Diagnostics;

namespace Bench.Load.Monitoring;

/// <summary>
/// The generator's own CPU use between two samples, as a fraction of the CPUs it may run on (1.0 = every allowed
/// CPU busy). <see cref="Environment.ProcessorCount"/> honours the affinity mask (sched_getaffinity) and cgroup
/// quota, so a generator pinned with taskset to one CPU is saturated at 1.0, not at 0.5.
/// </summary>
public sealed class CpuMonitor
{
    private readonly Process _process = Process.GetCurrentProcess();
    private TimeSpan _lastCpu;
    private long _lastTimestamp;

    public CpuMonitor()
    {
        AllowedCpus = Environment.ProcessorCount;
        _lastCpu = ReadCpu();
        _lastTimestamp = Stopwatch.GetTimestamp();
    }

    public int AllowedCpus { get; }

    /// <summary>CPU used since the previous call (or construction), normalised by the allowed CPUs.</summary>
    public double Sample()
    {
        TimeSpan cpu = ReadCpu();
        long now = Stopwatch.GetTimestamp();
        double wall = Stopwatch.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        double used = (cpu - _lastCpu).TotalSeconds;
        _lastCpu = cpu;
        _lastTimestamp = now;
        return wall <= 0 ? 0 : Math.Clamp(used / (wall * AllowedCpus), 0, 1);
    }

    private TimeSpan ReadCpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }
}
