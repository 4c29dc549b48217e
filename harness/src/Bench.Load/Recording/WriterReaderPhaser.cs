namespace Bench.Load.Recording;

/// <summary>
/// Gil Tene's WriterReaderPhaser (HdrHistogram <c>WriterReaderPhaser.java</c>): writers enter and leave a
/// critical section wait-free with one interlocked increment each; a reader flips the phase and waits until
/// every writer that entered before the flip has left. Writers that read a shared reference inside their
/// critical section therefore cannot still be touching it once a flip that swapped the reference returns.
/// </summary>
public sealed class WriterReaderPhaser
{
    private readonly Lock _readerLock = new();
    private long _startEpoch;
    private long _evenEndEpoch;
    private long _oddEndEpoch = long.MinValue;

    /// <summary>Enters a writer critical section; pass the returned value to <see cref="WriterExit"/>.</summary>
    public long WriterEnter() => Interlocked.Increment(ref _startEpoch) - 1;

    public void WriterExit(long valueAtEnter)
    {
        // The sign of the start epoch at entry says which phase this writer belongs to.
        if (valueAtEnter < 0)
        {
            Interlocked.Increment(ref _oddEndEpoch);
        }
        else
        {
            Interlocked.Increment(ref _evenEndEpoch);
        }
    }

    /// <summary>Serialises readers; hold it around swapping the shared reference and <see cref="FlipPhase"/>.</summary>
    public Lock.Scope EnterReaderLock() => _readerLock.EnterScope();

    /// <summary>Starts a new phase and returns once all writers of the previous phase have left.</summary>
    public void FlipPhase()
    {
        if (!_readerLock.IsHeldByCurrentThread)
        {
            throw new InvalidOperationException("FlipPhase requires the reader lock.");
        }

        bool nextPhaseIsEven = Volatile.Read(ref _startEpoch) < 0;
        long initialStartValue = nextPhaseIsEven ? 0 : long.MinValue;
        if (nextPhaseIsEven)
        {
            Volatile.Write(ref _evenEndEpoch, initialStartValue);
        }
        else
        {
            Volatile.Write(ref _oddEndEpoch, initialStartValue);
        }

        long startValueAtFlip = Interlocked.Exchange(ref _startEpoch, initialStartValue);
        var spinner = default(SpinWait);
        while ((nextPhaseIsEven ? Volatile.Read(ref _oddEndEpoch) : Volatile.Read(ref _evenEndEpoch)) != startValueAtFlip)
        {
            spinner.SpinOnce();
        }
    }
}
