namespace Bench.Backend.Telemetry;

/// <summary>
/// One device's running state. Readings for a device arrive on any thread (HTTP, WebSocket and MQTT at
/// once), so every update and every read takes the device's own lock; devices never contend with each other.
/// </summary>
internal sealed class DeviceState
{
    private readonly Lock _gate = new();
    private long _count;
    private long _lastSeq;
    private long _lastTs;
    private double _temperatureSum;

    public void Record(long seq, long ts, double temperature)
    {
        lock (_gate)
        {
            _count++;
            _lastSeq = seq;
            _lastTs = ts;
            _temperatureSum += temperature;
        }
    }

    public DeviceSnapshot Snapshot(string deviceId)
    {
        lock (_gate)
        {
            return new DeviceSnapshot(deviceId, _count, _lastSeq, _lastTs, _count == 0 ? 0 : _temperatureSum / _count);
        }
    }
}
