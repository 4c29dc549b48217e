namespace Bench.Load.Clients;

/// <summary>
/// The sends of one device that wait for their acknowledgement, keyed by sequence number, with the intended
/// and actual send times the latency is measured from (methodology §1.5). A few fixed slots per device, so
/// 20,000 devices cost a few hundred kilobytes; safe from the sending thread and the receive loop at once.
/// </summary>
internal sealed class InFlightWindow
{
    private readonly Entry[] _entries;
    private int _count;

    public InFlightWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new Entry[capacity];
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds a send; false when every slot is taken (the device is at its bound).</summary>
    public bool TryAdd(long seq, long intended, long sentAt)
    {
        lock (_entries)
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                if (!_entries[i].InUse)
                {
                    _entries[i] = new Entry(seq, intended, sentAt, InUse: true);
                    _count++;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Takes the send with <paramref name="seq"/>; false when it is unknown (already answered or expired).</summary>
    public bool TryTake(long seq, out long intended, out long sentAt)
    {
        lock (_entries)
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                if (_entries[i].InUse && _entries[i].Seq == seq)
                {
                    return Take(i, out intended, out sentAt);
                }
            }
        }

        intended = sentAt = 0;
        return false;
    }

    /// <summary>Takes the send that started first; for replies that carry no sequence number.</summary>
    public bool TryTakeOldest(out long intended, out long sentAt) => TryTakeSentBefore(long.MaxValue, out intended, out sentAt);

    /// <summary>Takes the oldest send that started before <paramref name="sentBefore"/>, if any.</summary>
    public bool TryTakeSentBefore(long sentBefore, out long intended, out long sentAt)
    {
        lock (_entries)
        {
            int oldest = -1;
            for (int i = 0; i < _entries.Length; i++)
            {
                if (_entries[i].InUse && _entries[i].SentAt < sentBefore && (oldest < 0 || _entries[i].SentAt < _entries[oldest].SentAt))
                {
                    oldest = i;
                }
            }

            if (oldest >= 0)
            {
                return Take(oldest, out intended, out sentAt);
            }
        }

        intended = sentAt = 0;
        return false;
    }

    private bool Take(int index, out long intended, out long sentAt)
    {
        intended = _entries[index].Intended;
        sentAt = _entries[index].SentAt;
        _entries[index] = default;
        _count--;
        return true;
    }

    private readonly record struct Entry(long Seq, long Intended, long SentAt, bool InUse);
}
