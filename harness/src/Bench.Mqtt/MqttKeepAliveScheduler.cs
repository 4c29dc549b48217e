namespace Bench.Mqtt;

/// <summary>
/// Drives keep-alive for every <see cref="MqttClient"/> in the process from one timer, so 20,000 devices cost one
/// timer and one list slot each instead of 20,000 timers. Every <see cref="Interval"/> it walks the list (a few
/// reads per client) and lets the due clients send PINGREQ or give up on a missing PINGRESP. Because each client is
/// measured from its own last sent packet (methodology §7.2), ping phases spread as naturally as connect times do.
/// </summary>
internal sealed class MqttKeepAliveScheduler
{
    /// <summary>How often clients are checked; a PINGREQ goes out at most this much before its deadline.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static MqttKeepAliveScheduler Shared { get; } = new();

    private readonly Lock _lock = new();
    private readonly List<MqttClient> _clients = [];
    private readonly List<MqttClient> _due = [];
    private Timer? _timer;
    private int _ticking;

    public void Add(MqttClient client)
    {
        lock (_lock)
        {
            if (client.KeepAliveSlot >= 0)
                return;
            client.KeepAliveSlot = _clients.Count;
            _clients.Add(client);
            _timer ??= new Timer(static state => ((MqttKeepAliveScheduler)state!).Tick(), this, Interval, Interval);
        }
    }

    public void Remove(MqttClient client)
    {
        lock (_lock)
        {
            var slot = client.KeepAliveSlot;
            if (slot < 0)
                return;
            // Swap with the last entry: O(1) removal, order does not matter.
            var last = _clients[^1];
            _clients[slot] = last;
            last.KeepAliveSlot = slot;
            _clients.RemoveAt(_clients.Count - 1);
            client.KeepAliveSlot = -1;
        }
    }

    private void Tick()
    {
        // Timer callbacks overlap when one runs long; a skipped tick is caught up by the next.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
            return;
        try
        {
            var now = Environment.TickCount64;
            lock (_lock)
            {
                foreach (var client in _clients)
                {
                    if (client.IsKeepAliveDue(now))
                        _due.Add(client);
                }
            }
            // Act outside the lock: a failing client removes itself, which takes the lock.
            foreach (var client in _due)
                client.RunKeepAlive(now);
        }
        finally
        {
            _due.Clear();
            Volatile.Write(ref _ticking, 0);
        }
    }
}
