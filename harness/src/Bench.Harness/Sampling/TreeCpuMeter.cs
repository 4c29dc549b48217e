namespace Bench.Harness.Sampling;

/// <summary>
/// Turns cumulative per-process CPU times into the CPU a tree used between two samples. Each process is
/// tracked by (PID, start time), so a process that exits simply drops out (its last partial interval is
/// lost, as in any /proc sampler) and a reused PID is a new process, never a negative delta.
/// </summary>
internal sealed class TreeCpuMeter
{
    private Dictionary<(int Pid, long StartTime), TimeSpan> _previous = [];
    private bool _hasBaseline;

    /// <summary>The CPU time used since the previous call; null on the first call, which only sets the baseline.</summary>
    public TimeSpan? Advance(IReadOnlyList<ProcessReading> readings)
    {
        var current = new Dictionary<(int, long), TimeSpan>(readings.Count);
        var used = TimeSpan.Zero;
        foreach (var reading in readings)
        {
            var key = (reading.Pid, reading.StartTime);
            current[key] = reading.CpuTime;

            // A process first seen now started (or joined the tree) since the previous sample: all its CPU is new.
            var before = _previous.GetValueOrDefault(key, TimeSpan.Zero);
            if (reading.CpuTime > before)
            {
                used += reading.CpuTime - before;
            }
        }

        _previous = current;
        var hadBaseline = _hasBaseline;
        _hasBaseline = true;
        return hadBaseline ? used : null;
    }
}
