using Bench.Load.Clients;
using Bench.Load.Recording;

namespace Bench.Load.Engine;

/// <summary>
/// Records a run as the clients report it: the per-second time series of everything (warm-up included) and the
/// measured totals. A send belongs to the measured window when its <em>intended</em> time falls in it, so a send and
/// its answer always land on the same side of the warm-up boundary and <c>Acked + errors = Sent + NotSent</c> holds
/// exactly (a due send that never left — its device disconnected, or at its in-flight bound — is an error too).
/// </summary>
internal sealed class LoadRecorder : ISendObserver
{
    private const int SentSlot = 0;
    private const int AckedSlot = 1;
    private const int LateSlot = 2;
    private const int DroppedSlot = 3;
    private const int NotSentSlot = 4;
    private const int FirstErrorSlot = 5;

    private readonly long _frequency;
    private readonly long[] _counters = new long[FirstErrorSlot + Enum.GetValues<ErrorKind>().Length];
    private readonly LatencyRecorder _latency = new();
    private readonly LatencyRecorder _service = new();
    private readonly LatencyRecorder _connect = new();
    private long _measureStart = long.MaxValue;
    private long _measureEnd = long.MaxValue;
    private long _outstanding;
    private long _attempted;
    private long _opened;
    private long _failed;
    private long _lost;
    private int _closing;
    private LatencyHistogram? _spare;

    public LoadRecorder(long startTimestamp, long frequency)
    {
        _frequency = frequency;
        Series = new IntervalRecorder(startTimestamp, frequency);
    }

    /// <summary>Called after every answer or failure; the runners use it to send again or free a slot.</summary>
    public Action<int>? Completed { get; set; }

    public IntervalRecorder Series { get; }

    /// <summary>Measured totals so far; added to by <see cref="TakeLatencies"/> on the tick thread.</summary>
    public LatencyHistogram Latency { get; } = new();

    public LatencyHistogram ServiceTime { get; } = new();

    public LatencyHistogram ConnectTime { get; } = new();

    public long Outstanding => Interlocked.Read(ref _outstanding);

    public ConnectionSummary Connections => new(
        Interlocked.Read(ref _attempted), Interlocked.Read(ref _opened), Interlocked.Read(ref _failed), Interlocked.Read(ref _lost));

    public void SetMeasuredWindow(long start, long end)
    {
        Volatile.Write(ref _measureStart, start);
        Volatile.Write(ref _measureEnd, end);
    }

    /// <summary>From now on, closed connections are the run ending, not connections lost.</summary>
    public void BeginClosing() => Volatile.Write(ref _closing, 1);

    public long Count(int slot) => Interlocked.Read(ref _counters[slot]);

    public long SentCount => Count(SentSlot);

    public long AckedCount => Count(AckedSlot);

    public long LateCount => Count(LateSlot);

    public long DroppedCount => Count(DroppedSlot);

    public long NotSentCount => Count(NotSentSlot);

    public Dictionary<ErrorKind, long> Errors() => Enum.GetValues<ErrorKind>().ToDictionary(k => k, k => Count(FirstErrorSlot + (int)k));

    public void ConnectAttempted() => Interlocked.Increment(ref _attempted);

    public void RecordSent(long intended, bool late)
    {
        Interlocked.Increment(ref _outstanding);
        Series.RecordSend();
        if (late)
        {
            Series.RecordLate();
        }

        if (IsMeasured(intended))
        {
            Interlocked.Increment(ref _counters[SentSlot]);
            if (late)
            {
                Interlocked.Increment(ref _counters[LateSlot]);
            }
        }
    }

    public void RecordLate(long intended, long count)
    {
        Series.RecordLate(count);
        if (IsMeasured(intended))
        {
            Interlocked.Add(ref _counters[LateSlot], count);
        }
    }

    public void RecordDropped(long intended, long count = 1)
    {
        Series.RecordDropped(count);
        if (IsMeasured(intended))
        {
            Interlocked.Add(ref _counters[DroppedSlot], count);
        }
    }

    /// <summary>A due send that could not start because its device has no connection.</summary>
    public void RecordNotSent(long intended, ErrorKind kind)
    {
        if (IsMeasured(intended))
        {
            Interlocked.Increment(ref _counters[NotSentSlot]);
        }

        CountError(intended, kind);
    }

    public void Connected(long connectTicks)
    {
        Interlocked.Increment(ref _opened);
        Series.ConnectionOpened();
        _connect.Record(ToMicroseconds(connectTicks));
    }

    public void ConnectFailed(ErrorKind kind)
    {
        Interlocked.Increment(ref _failed);
        Series.RecordError(kind);
    }

    public void Disconnected()
    {
        Series.ConnectionClosed();
        if (Volatile.Read(ref _closing) == 0)
        {
            Interlocked.Increment(ref _lost);
        }
    }

    public void Acked(int device, long intended, long sentAt, long answeredAt)
    {
        long latency = ToMicroseconds(answeredAt - intended);
        Series.RecordAck(latency);
        if (IsMeasured(intended))
        {
            Interlocked.Increment(ref _counters[AckedSlot]);
            _latency.Record(latency);
            _service.Record(ToMicroseconds(answeredAt - sentAt));
        }

        Interlocked.Decrement(ref _outstanding);
        Completed?.Invoke(device);
    }

    public void Failed(int device, long intended, ErrorKind kind)
    {
        CountError(intended, kind);
        Interlocked.Decrement(ref _outstanding);
        Completed?.Invoke(device);
    }

    /// <summary>Moves what the writers recorded since the last call into the totals; tick thread only.</summary>
    public void TakeLatencies()
    {
        _spare = Take(_latency, Latency, _spare);
        _spare = Take(_service, ServiceTime, _spare);
        _spare = Take(_connect, ConnectTime, _spare);
    }

    private static LatencyHistogram Take(LatencyRecorder recorder, LatencyHistogram total, LatencyHistogram? spare)
    {
        var interval = recorder.GetIntervalHistogram(spare);
        total.Add(interval);
        return interval;
    }

    public long ToMicroseconds(long ticks) => (long)((Int128)ticks * 1_000_000 / _frequency);

    private void CountError(long intended, ErrorKind kind)
    {
        Series.RecordError(kind);
        if (IsMeasured(intended))
        {
            Interlocked.Increment(ref _counters[FirstErrorSlot + (int)kind]);
        }
    }

    private bool IsMeasured(long intended) => intended >= Volatile.Read(ref _measureStart) && intended < Volatile.Read(ref _measureEnd);
}
