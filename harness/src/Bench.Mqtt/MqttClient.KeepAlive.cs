namespace Bench.Mqtt;

public sealed partial class MqttClient
{
    private readonly long _keepAliveMilliseconds;

    // Environment.TickCount64 when the outstanding PINGREQ was sent; 0 when none is outstanding.
    private long _pingSentAt;

    /// <summary>This client's index in <see cref="MqttKeepAliveScheduler"/>'s list, -1 when not registered;
    /// read and written only under the scheduler's lock.</summary>
    internal int KeepAliveSlot { get; set; } = -1;

    /// <summary>Cheap check run for every client on each scheduler tick.</summary>
    internal bool IsKeepAliveDue(long now)
    {
        var pingSentAt = Volatile.Read(ref _pingSentAt);
        if (pingSentAt != 0)
            return now - pingSentAt >= _keepAliveMilliseconds;
        // Ping up to one tick early so that the ping is never later than the keep-alive period (§3.1.2.10).
        var idle = now - Volatile.Read(ref _lastSentAt);
        return idle >= _keepAliveMilliseconds - (long)MqttKeepAliveScheduler.Interval.TotalMilliseconds;
    }

    internal void RunKeepAlive(long now)
    {
        if (Volatile.Read(ref _pingSentAt) != 0)
        {
            Close(new TimeoutException($"No PINGRESP within {_options.KeepAliveSeconds} s; the connection is considered dead."));
            return;
        }
        Volatile.Write(ref _pingSentAt, now);
        _ = SendPingAsync();
    }

    private async Task SendPingAsync()
    {
        try
        {
            await SendAsync(PingReqPacket, CancellationToken.None);
        }
        catch (Exception e)
        {
            Close(e);
        }
    }

    private void StartKeepAlive()
    {
        if (_keepAliveMilliseconds > 0)
            MqttKeepAliveScheduler.Shared.Add(this);
    }

    private void StopKeepAlive()
    {
        if (_keepAliveMilliseconds > 0)
            MqttKeepAliveScheduler.Shared.Remove(this);
    }
}
