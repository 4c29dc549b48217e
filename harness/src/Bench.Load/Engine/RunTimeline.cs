namespace Bench.Load.Engine;

/// <summary>
/// The Stopwatch timestamps that bound a run: sending starts at <see cref="Start"/>, the measured window is
/// [<see cref="MeasureStart"/>, <see cref="MeasureEnd"/>), and answers are awaited until <see cref="DrainDeadline"/>.
/// </summary>
internal sealed record RunTimeline(long Start, long MeasureStart, long MeasureEnd, long DrainDeadline, long Frequency)
{
    public static RunTimeline From(long start, LoadSpec spec, long frequency) =>
        new(start,
            start + Ticks(spec.WarmUp, frequency),
            start + Ticks(spec.WarmUp + spec.Duration, frequency),
            start + Ticks(spec.WarmUp + spec.Duration + spec.SendTimeout, frequency),
            frequency);

    public LoadPhase PhaseAt(long now) =>
        now < Start ? LoadPhase.Connecting
        : now < MeasureStart ? LoadPhase.WarmUp
        : now < MeasureEnd ? LoadPhase.Measuring
        : LoadPhase.Draining;

    public static long Ticks(TimeSpan span, long frequency) => (long)((Int128)span.Ticks * frequency / TimeSpan.TicksPerSecond);
}
