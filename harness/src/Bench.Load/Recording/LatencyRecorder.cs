namespace Bench.Load.Recording;

/// <summary>
/// Records latencies from any number of threads without locks and hands out exact, lossless interval
/// histograms without stopping the writers (HdrHistogram's <c>Recorder</c>).
/// </summary>
/// <remarks>
/// Writers share one active histogram and add to the value's own count slot with an interlocked increment.
/// Load clients are async and hop between thread-pool threads, so per-thread histograms would need a
/// registry and a phaser per thread; with the counts spread over 23,552 slots, interlocked adds rarely
/// collide, and the only line all writers share is the phaser's epoch counter. Total, min and max are
/// derived from the counts when an interval is taken, not maintained by every writer.
/// </remarks>
public sealed class LatencyRecorder
{
    private readonly WriterReaderPhaser _phaser = new();
    private LatencyHistogram _active;

    public LatencyRecorder()
        : this(HistogramLayout.Latency)
    {
    }

    public LatencyRecorder(HistogramLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        _active = new LatencyHistogram(layout);
    }

    public HistogramLayout Layout { get; }

    /// <summary>Records one value; safe from any thread, allocation-free, never throws for out-of-range values.</summary>
    public void Record(long value)
    {
        long epoch = _phaser.WriterEnter();
        try
        {
            Volatile.Read(ref _active).RecordConcurrently(value);
        }
        finally
        {
            _phaser.WriterExit(epoch);
        }
    }

    /// <summary>
    /// Returns everything recorded since the previous call and starts a new interval. Pass the histogram the
    /// previous call returned as <paramref name="histogramToRecycle"/> to avoid allocating a new one; it must
    /// no longer be in use by the caller.
    /// </summary>
    public LatencyHistogram GetIntervalHistogram(LatencyHistogram? histogramToRecycle = null)
    {
        LatencyHistogram next = histogramToRecycle ?? new LatencyHistogram(Layout);
        if (!next.Layout.Equals(Layout))
        {
            throw new ArgumentException("The recycled histogram has a different layout.", nameof(histogramToRecycle));
        }

        next.Reset();
        using (_phaser.EnterReaderLock())
        {
            LatencyHistogram previous = Interlocked.Exchange(ref _active, next);
            _phaser.FlipPhase();
            previous.RefreshTrackingValues();
            return previous;
        }
    }
}
