using Bench.Load.Monitoring;
using Bench.Load.Recording;

namespace Bench.Load.Engine;

public static partial class LoadEngine
{
    private static LoadResult BuildResult(LoadRecorder recorder, TickLoop ticks, RunTimeline? timeline)
    {
        long measureStart = timeline?.MeasureStart ?? long.MaxValue;
        var measured = ticks.Measured;
        var cpu = measured.Where(m => m.Phase == LoadPhase.Measuring).Select(m => m.Cpu).ToList();
        long sent = recorder.SentCount;
        long late = recorder.LateCount;
        long dropped = recorder.DroppedCount;
        var measuredDuration = timeline is null
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Max(0, (long)((Int128)(Math.Min(ticks.StoppedAt, timeline.MeasureEnd) - measureStart) * TimeSpan.TicksPerSecond / timeline.Frequency)));
        return new LoadResult
        {
            Sent = sent,
            Acked = recorder.AckedCount,
            Errors = recorder.Errors(),
            Late = late,
            Dropped = dropped,
            NotSent = recorder.NotSentCount,
            MeasuredDuration = measuredDuration,
            Connections = recorder.Connections,
            Latency = recorder.Latency,
            ServiceTime = recorder.ServiceTime,
            ConnectTime = recorder.ConnectTime,
            Intervals = [.. measured.Select(m => m.Sample)],
            IntervalLatencies = [.. measured.Select(m => m.Latency)],
            GeneratorCpu = cpu,
            Saturation = GeneratorSaturation.Evaluate(cpu, sent, late, dropped),
        };
    }

    /// <summary>One closed second of the measured window (or the drain after it).</summary>
    internal sealed record MeasuredInterval(IntervalSample Sample, byte[] Latency, double Cpu, LoadPhase Phase);
}
