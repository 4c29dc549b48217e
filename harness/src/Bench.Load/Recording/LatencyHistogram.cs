namespace Bench.Load.Recording;

/// <summary>
/// An HdrHistogram of latencies in microseconds (by default 1 µs to 1 h, 3 significant digits) with
/// 64-bit counts. Recording is constant time and allocation-free. Values outside the trackable range are
/// clamped to it and counted in <see cref="ClampedCount"/>, so the hot path never throws.
/// </summary>
/// <remarks>
/// <see cref="Record"/> and <see cref="RecordWithCount"/> are for one writer at a time. For many writers use
/// <see cref="LatencyRecorder"/>, which records into a shared histogram with interlocked increments and hands
/// out exact interval histograms.
/// </remarks>
public sealed partial class LatencyHistogram
{
    private readonly long[] _counts;
    private long _totalCount;
    private long _clampedCount;
    private long _maxValue;
    private long _minNonZeroValue = long.MaxValue;

    public LatencyHistogram()
        : this(HistogramLayout.Latency)
    {
    }

    public LatencyHistogram(HistogramLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        _counts = new long[layout.CountsLength];
    }

    public HistogramLayout Layout { get; }

    public long TotalCount => _totalCount;

    /// <summary>How many recorded values were outside [0, HighestTrackableValue] and were clamped into it.</summary>
    public long ClampedCount => _clampedCount;

    /// <summary>Counts by index; for encoders and iteration.</summary>
    internal ReadOnlySpan<long> Counts => _counts;

    public void Record(long value) => RecordWithCount(value, 1);

    public void RecordWithCount(long value, long count)
    {
        if ((ulong)value > (ulong)Layout.HighestTrackableValue)
        {
            value = Clamp(value);
            _clampedCount += count;
        }

        _counts[Layout.CountsIndex(value)] += count;
        _totalCount += count;
        if (value > _maxValue)
        {
            _maxValue = value;
        }

        if (value != 0 && value < _minNonZeroValue)
        {
            _minNonZeroValue = value;
        }
    }

    /// <summary>
    /// Records from any number of threads at once: one interlocked add on the value's own count slot.
    /// Total, min and max are not maintained here, because every writer updating them would contend on
    /// one cache line; <see cref="RefreshTrackingValues"/> derives them from the counts once the writers
    /// have moved on (see <see cref="LatencyRecorder"/>).
    /// </summary>
    internal void RecordConcurrently(long value)
    {
        if ((ulong)value > (ulong)Layout.HighestTrackableValue)
        {
            value = Clamp(value);
            Interlocked.Increment(ref _clampedCount);
        }

        Interlocked.Increment(ref _counts[Layout.CountsIndex(value)]);
    }

    /// <summary>Adds every count of <paramref name="other"/> exactly (HdrHistogram <c>add</c>).</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Layout.Equals(Layout))
        {
            AddSameLayout(other);
            return;
        }

        // Different geometry: re-record each non-zero bucket at its lowest value (what HdrHistogram does);
        // buckets beyond this layout's range are clamped and counted like any out-of-range value.
        ReadOnlySpan<long> counts = other.Counts;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                RecordWithCount(other.Layout.ValueFromIndex(i), counts[i]);
            }
        }

        _clampedCount += other._clampedCount;
    }

    public void Reset()
    {
        Array.Clear(_counts);
        _totalCount = 0;
        _clampedCount = 0;
        _maxValue = 0;
        _minNonZeroValue = long.MaxValue;
    }

    /// <summary>Recomputes total, min and max from the counts (after concurrent recording or decoding).</summary>
    internal void RefreshTrackingValues()
    {
        long total = 0;
        int maxIndex = -1;
        int minNonZeroIndex = -1;
        for (int i = 0; i < _counts.Length; i++)
        {
            long count = _counts[i];
            if (count == 0)
            {
                continue;
            }

            total += count;
            maxIndex = i;
            if (minNonZeroIndex < 0 && i != 0)
            {
                minNonZeroIndex = i;
            }
        }

        _totalCount = total;
        _maxValue = maxIndex < 0 ? 0 : Layout.HighestEquivalent(Layout.ValueFromIndex(maxIndex));
        _minNonZeroValue = minNonZeroIndex < 0 ? long.MaxValue : Layout.ValueFromIndex(minNonZeroIndex);
    }

    internal void SetCountAtIndex(int index, long count) => _counts[index] = count;

    internal void AddClampedCount(long count) => _clampedCount += count;

    private long Clamp(long value) => value < 0 ? 0 : Layout.HighestTrackableValue;

    private void AddSameLayout(LatencyHistogram other)
    {
        long[] source = other._counts;
        for (int i = 0; i < source.Length; i++)
        {
            _counts[i] += source[i];
        }

        _totalCount += other._totalCount;
        _clampedCount += other._clampedCount;
        _maxValue = Math.Max(_maxValue, other._maxValue);
        _minNonZeroValue = Math.Min(_minNonZeroValue, other._minNonZeroValue);
    }
}
