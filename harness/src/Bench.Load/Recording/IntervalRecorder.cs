namespace Bench.Load.Recording;

/// <summary>
/// The per-interval time series of a load run: sends, acknowledgements with their latency, errors by kind,
/// late and dropped sends, and connections. Any thread records, lock-free and allocation-free; one reader
/// closes an interval every second or so with <see cref="CloseInterval"/>, which keeps a fixed-size
/// <see cref="IntervalSample"/> and merges the interval's latency histogram into <see cref="Total"/>.
/// </summary>
/// <remarks>
/// Counters and histogram swap together under one <see cref="WriterReaderPhaser"/>, so an acknowledgement
/// and its latency always land in the same interval. Memory stays bounded: two interval buffers, the total
/// histogram, and one sample per interval; no individual latencies are kept.
/// </remarks>
public sealed class IntervalRecorder
{
    private readonly WriterReaderPhaser _phaser = new();
    private readonly List<IntervalSample> _intervals = [];
    private IntervalBuffer _active;
    private IntervalBuffer _inactive;
    private long _openConnections;
    private long _intervalStart;

    public IntervalRecorder(long startTimestamp, long timestampFrequency, HistogramLayout? layout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timestampFrequency, 1);
        layout ??= HistogramLayout.Latency;
        StartTimestamp = startTimestamp;
        TimestampFrequency = timestampFrequency;
        _intervalStart = startTimestamp;
        _active = new IntervalBuffer(layout);
        _inactive = new IntervalBuffer(layout);
        Total = new LatencyHistogram(layout);
    }

    public long StartTimestamp { get; }

    public long TimestampFrequency { get; }

    /// <summary>Closed intervals, oldest first.</summary>
    public IReadOnlyList<IntervalSample> Intervals => _intervals;

    /// <summary>Latencies of all closed intervals, merged exactly. Read it from the reader thread.</summary>
    public LatencyHistogram Total { get; }

    /// <summary>
    /// The latency histogram of the interval closed last (for an <c>.hlog</c> line); valid until the next
    /// <see cref="CloseInterval"/>.
    /// </summary>
    public LatencyHistogram LastIntervalLatency => _inactive.Latency;

    public long OpenConnections => Interlocked.Read(ref _openConnections);

    public void RecordSend() => Add(IntervalBuffer.Sends, 1);

    /// <summary>An acknowledged send with its latency in microseconds, measured from the intended send time.</summary>
    public void RecordAck(long latencyMicroseconds)
    {
        long epoch = _phaser.WriterEnter();
        try
        {
            IntervalBuffer buffer = Volatile.Read(ref _active);
            Interlocked.Increment(ref buffer.Counters[IntervalBuffer.Acks]);
            buffer.Latency.RecordConcurrently(latencyMicroseconds);
        }
        finally
        {
            _phaser.WriterExit(epoch);
        }
    }

    public void RecordError(ErrorKind kind) => Add(IntervalBuffer.FirstError + (int)kind, 1);

    public void RecordLate(long count = 1) => Add(IntervalBuffer.Late, count);

    public void RecordDropped(long count = 1) => Add(IntervalBuffer.Dropped, count);

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _openConnections);
        Add(IntervalBuffer.ConnectionsOpened, 1);
    }

    public void ConnectionClosed()
    {
        Interlocked.Decrement(ref _openConnections);
        Add(IntervalBuffer.ConnectionsClosed, 1);
    }

    /// <summary>Ends the current interval at <paramref name="now"/>, starts the next, and returns the closed one.</summary>
    public IntervalSample CloseInterval(long now)
    {
        IntervalBuffer closed;
        using (_phaser.EnterReaderLock())
        {
            _inactive.Reset();
            closed = Interlocked.Exchange(ref _active, _inactive);
            _phaser.FlipPhase();
            _inactive = closed;
        }

        closed.Latency.RefreshTrackingValues();
        Total.Add(closed.Latency);
        long[] counters = closed.Counters;
        var sample = new IntervalSample(
            _intervals.Count,
            Elapsed(StartTimestamp, _intervalStart),
            Elapsed(_intervalStart, now),
            counters[IntervalBuffer.Sends],
            counters[IntervalBuffer.Acks],
            closed.ErrorsByKind(),
            counters[IntervalBuffer.Late],
            counters[IntervalBuffer.Dropped],
            counters[IntervalBuffer.ConnectionsOpened],
            counters[IntervalBuffer.ConnectionsClosed],
            OpenConnections,
            LatencySummary.Of(closed.Latency));
        _intervals.Add(sample);
        _intervalStart = now;
        return sample;
    }

    private void Add(int slot, long count)
    {
        // The buffer must be read inside the critical section: a flip then waits for this add to finish.
        long epoch = _phaser.WriterEnter();
        Interlocked.Add(ref Volatile.Read(ref _active).Counters[slot], count);
        _phaser.WriterExit(epoch);
    }

    private TimeSpan Elapsed(long from, long to) =>
        TimeSpan.FromTicks((long)((Int128)(to - from) * TimeSpan.TicksPerSecond / TimestampFrequency));
}
