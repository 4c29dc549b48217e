using System.Diagnostics;

namespace Bench.Load.Engine;

/// <summary>Sleeps until an absolute Stopwatch timestamp; the schedule, not the sleep, decides when sends are due.</summary>
internal static class Pacing
{
    public static Task DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        // Timers tick in milliseconds: wake at most one tick late (sends then leave slightly behind their intended
        // time, and that delay is in the intended-time latency, where it belongs).
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken);
    }
}
