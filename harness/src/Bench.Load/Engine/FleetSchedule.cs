namespace Bench.Load.Engine;

/// <summary>
/// When each device of a fleet sends: device <c>d</c>'s message <c>k</c> is due at <c>phase[d] + k · interval[d]</c>
/// after the start, where each device's interval is the nominal one stretched by a fixed factor in [1 − jitter,
/// 1 + jitter] and its phase is spread over [0, interval[d]) so devices do not fire together (methodology §1.5 item 5).
/// Every due time is computed from the start, so the schedule cannot drift; a seed makes it the same on every run.
/// </summary>
public sealed class FleetSchedule
{
    private readonly long[] _interval;
    private readonly long[] _phase;

    public FleetSchedule(int devices, TimeSpan interval, double jitter, int seed, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(devices, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 0.5);
        long nominal = RunTimeline.Ticks(interval, timestampFrequency);
        var random = new Random(seed);
        _interval = new long[devices];
        _phase = new long[devices];
        for (int d = 0; d < devices; d++)
        {
            double stretch = 1 + (jitter * ((2 * random.NextDouble()) - 1));
            _interval[d] = Math.Max(1, (long)(nominal * stretch));
            _phase[d] = (long)(random.NextDouble() * _interval[d]);
        }
    }

    public int Devices => _interval.Length;

    public long IntervalOf(int device) => _interval[device];

    public long PhaseOf(int device) => _phase[device];

    /// <summary>Ticks after the start at which the device's message <paramref name="k"/> is due.</summary>
    public long OffsetOf(int device, long k) => _phase[device] + (k * _interval[device]);
}
