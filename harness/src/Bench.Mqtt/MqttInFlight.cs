namespace Bench.Mqtt;

/// <summary>
/// Packet identifiers awaiting an acknowledgement on one connection (§2.3.1): QoS 1 publishes
/// (<see cref="PendingPublish"/>) and subscriptions (<see cref="TaskCompletionSource{Byte}"/> of the SUBACK code).
/// </summary>
internal sealed class MqttInFlight
{
    // No buckets are allocated until the first entry, so an idle QoS 0 device pays only for the empty objects.
    private readonly Dictionary<ushort, object> _waiters = [];
    private readonly Lock _lock = new();
    private ushort _lastId;
    private Exception? _closedReason;

    /// <summary>Assigns the next free identifier to <paramref name="waiter"/>.</summary>
    public ushort Add(object waiter)
    {
        lock (_lock)
        {
            if (_closedReason is not null)
                throw new InvalidOperationException("The MQTT connection is closed.", _closedReason);
            if (_waiters.Count == ushort.MaxValue)
                throw new InvalidOperationException("All 65,535 packet identifiers are awaiting acknowledgement.");
            // Identifiers rotate through the whole range, so a late PUBACK for a cancelled publish is very unlikely
            // to meet a new publish that reused its identifier.
            do
            {
                _lastId = _lastId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastId + 1);
            }
            while (_waiters.ContainsKey(_lastId));
            _waiters.Add(_lastId, waiter);
            return _lastId;
        }
    }

    /// <summary>Removes and returns the waiter for <paramref name="packetId"/>, or null when none is registered.</summary>
    public object? Take(ushort packetId)
    {
        lock (_lock)
            return _waiters.Remove(packetId, out var waiter) ? waiter : null;
    }

    /// <summary>Removes <paramref name="waiter"/> if it still owns <paramref name="packetId"/>.</summary>
    public bool Remove(ushort packetId, object waiter)
    {
        lock (_lock)
        {
            if (!_waiters.TryGetValue(packetId, out var current) || !ReferenceEquals(current, waiter))
                return false;
            _waiters.Remove(packetId);
            return true;
        }
    }

    /// <summary>Fails every waiter with <paramref name="reason"/> and refuses new ones.</summary>
    public void Close(Exception reason)
    {
        object[] waiters;
        lock (_lock)
        {
            _closedReason ??= reason;
            if (_waiters.Count == 0)
                return;
            waiters = [.. _waiters.Values];
            _waiters.Clear();
        }
        foreach (var waiter in waiters)
        {
            switch (waiter)
            {
                case PendingPublish publish:
                    publish.TrySetException(reason);
                    break;
                case TaskCompletionSource<byte> subscribe:
                    subscribe.TrySetException(reason);
                    break;
            }
        }
    }
}
