namespace Bench.Load.Scheduling;

/// <summary>
/// Releases the sends of an <see cref="ArrivalPlan"/> as they fall due, under a bound on sends in flight.
/// Pure logic on timestamps: the caller passes "now" (from <see cref="TimeProvider.GetTimestamp"/> in
/// production, any number in tests), so the schedule is deterministic and testable.
/// </summary>
/// <remarks>
/// One pacing loop calls <see cref="Poll"/>; any thread may call <see cref="Complete"/>. Sends that are due
/// while <see cref="MaxInFlight"/> sends are outstanding are queued and counted late, or dropped and counted,
/// as <see cref="BackpressurePolicy"/> says (methodology §1.5: never skip silently). Queued sends keep their
/// intended time, so their latency includes the wait and coordinated omission cannot hide it.
/// </remarks>
public sealed class ArrivalScheduler
{
    private readonly ArrivalPlan _plan;
    private long _next;
    private long _nextIntended;
    private long _lastBlockedAt = long.MinValue;
    private int _inFlight;

    public ArrivalScheduler(
        ArrivalPlan plan, long startTimestamp, long timestampFrequency, int maxInFlight, BackpressurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(timestampFrequency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        _plan = plan;
        StartTimestamp = startTimestamp;
        TimestampFrequency = timestampFrequency;
        MaxInFlight = maxInFlight;
        Policy = policy;
        _nextIntended = plan.TotalSends > 0 ? IntendedTimestampOf(0) : long.MaxValue;
    }

    /// <summary>Starts the plan now on <paramref name="clock"/>.</summary>
    public static ArrivalScheduler Start(ArrivalPlan plan, TimeProvider clock, int maxInFlight, BackpressurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new ArrivalScheduler(plan, clock.GetTimestamp(), clock.TimestampFrequency, maxInFlight, policy);
    }

    public long StartTimestamp { get; }

    public long TimestampFrequency { get; }

    public int MaxInFlight { get; }

    public BackpressurePolicy Policy { get; }

    /// <summary>Sends released so far.</summary>
    public long Released { get; private set; }

    /// <summary>Released sends that had to wait because the concurrency bound was reached when they fell due.</summary>
    public long Late { get; private set; }

    /// <summary>Sends skipped because the concurrency bound was reached when they fell due.</summary>
    public long Dropped { get; private set; }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>True once every send of the plan has been released or dropped.</summary>
    public bool IsFinished => _next >= _plan.TotalSends;

    /// <summary>When the next pending send is due; <see cref="long.MaxValue"/> once finished. Sleep until then.</summary>
    public long NextDueTimestamp => _nextIntended;

    public long IntendedTimestampOf(long index) => StartTimestamp + _plan.OffsetOf(index, TimestampFrequency);

    /// <summary>
    /// Writes the sends due at <paramref name="now"/> into <paramref name="due"/>, as many as it holds and the
    /// concurrency bound allows, and returns how many. Each released send occupies a slot until <see cref="Complete"/>.
    /// </summary>
    public int Poll(long now, Span<ScheduledSend> due)
    {
        int released = 0;
        while (released < due.Length && _nextIntended <= now)
        {
            if (Volatile.Read(ref _inFlight) >= MaxInFlight)
            {
                if (Policy == BackpressurePolicy.Queue)
                {
                    // Every send due by now is blocked; they will be late whenever they are released.
                    _lastBlockedAt = now;
                    break;
                }

                Dropped++;
                Advance();
                continue;
            }

            if (_nextIntended <= _lastBlockedAt)
            {
                Late++;
            }

            Interlocked.Increment(ref _inFlight);
            due[released++] = new ScheduledSend(_next, _nextIntended);
            Released++;
            Advance();
        }

        return released;
    }

    /// <summary>Frees the slot of a released send that has finished (acknowledged, failed or timed out).</summary>
    public void Complete()
    {
        if (Interlocked.Decrement(ref _inFlight) < 0)
        {
            Interlocked.Increment(ref _inFlight);
            throw new InvalidOperationException("Complete was called more often than sends were released.");
        }
    }

    private void Advance()
    {
        _next++;
        _nextIntended = IsFinished ? long.MaxValue : IntendedTimestampOf(_next);
    }
}
