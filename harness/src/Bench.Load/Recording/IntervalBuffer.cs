namespace Bench.Load.Recording;

/// <summary>The counters and latency histogram of one interval; writers add to them with interlocked operations.</summary>
internal sealed class IntervalBuffer(HistogramLayout layout)
{
    public const int Sends = 0;
    public const int Acks = 1;
    public const int Late = 2;
    public const int Dropped = 3;
    public const int ConnectionsOpened = 4;
    public const int ConnectionsClosed = 5;
    public const int FirstError = 6;

    private static readonly int ErrorKindCount = Enum.GetValues<ErrorKind>().Length;

    /// <summary>Counters by the slot constants above; errors follow from <see cref="FirstError"/>, by <see cref="ErrorKind"/>.</summary>
    public long[] Counters { get; } = new long[FirstError + ErrorKindCount];

    public LatencyHistogram Latency { get; } = new(layout);

    public long[] ErrorsByKind() => Counters[FirstError..];

    public void Reset()
    {
        Array.Clear(Counters);
        Latency.Reset();
    }
}
