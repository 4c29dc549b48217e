namespace Bench.Backend.Stats;

/// <summary>The process-wide counters behind <c>GET /stats</c>; lock-free, updated from any thread.</summary>
internal sealed class BackendCounters
{
    private long _accepted;
    private long _rejected;
    private long _mqttMessages;
    private long _jobs;
    private int _openWebSockets;

    public void ReadingAccepted() => Interlocked.Increment(ref _accepted);

    public void ReadingRejected() => Interlocked.Increment(ref _rejected);

    public void MqttMessageReceived() => Interlocked.Increment(ref _mqttMessages);

    public void JobCompleted() => Interlocked.Increment(ref _jobs);

    public void WebSocketOpened() => Interlocked.Increment(ref _openWebSockets);

    public void WebSocketClosed() => Interlocked.Decrement(ref _openWebSockets);

    public StatsSnapshot Snapshot(int devices) => new(
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _rejected),
        devices,
        Volatile.Read(ref _openWebSockets),
        Interlocked.Read(ref _mqttMessages),
        Interlocked.Read(ref _jobs));
}
