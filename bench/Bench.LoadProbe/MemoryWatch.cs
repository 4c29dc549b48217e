using Bench.Load.Engine;

namespace Bench.LoadProbe;

/// <summary>
/// Samples memory on each progress report while the devices are connected: the peak resident set, and once, the
/// managed heap after a full collection (what the devices keep alive, not garbage waiting for the next GC).
/// </summary>
internal sealed class MemoryWatch(bool enabled) : IProgress<LoadProgress>
{
    public long PeakRss { get; private set; }

    public long Managed { get; private set; }

    public void Report(LoadProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Console.Error.WriteLine($"{value.Elapsed.TotalSeconds,6:F1}s {value.Phase,-10} sends/s {value.SendsPerSecond,8:F0} acks/s {value.AcksPerSecond,8:F0} p99 {value.P99Microseconds,8}us open {value.OpenConnections,6} errors {value.Errors} cpu {value.GeneratorCpu:P0}");
        if (!enabled || value.Phase is not (LoadPhase.WarmUp or LoadPhase.Measuring))
        {
            return;
        }

        PeakRss = Math.Max(PeakRss, ProcessMemory.ResidentBytes());
        if (Managed == 0 && value.Phase == LoadPhase.Measuring)
        {
            Managed = GC.GetTotalMemory(forceFullCollection: true);
        }
    }
}
