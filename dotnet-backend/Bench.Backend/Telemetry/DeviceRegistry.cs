using System.Collections.Concurrent;

namespace Bench.Backend.Telemetry;

/// <summary>Every device with state, in memory and per process (contract §2).</summary>
internal sealed class DeviceRegistry
{
    private readonly ConcurrentDictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceState>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public DeviceRegistry() => _bySpan = _devices.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => Volatile.Read(ref _count);

    /// <summary>Applies one accepted reading and returns the device id as a shared string.</summary>
    public string Record(ReadOnlySpan<char> deviceId, long seq, long ts, double temperature)
    {
        // A known device is found by span, so the steady state allocates no id string per reading.
        if (!_bySpan.TryGetValue(deviceId, out var key, out var state))
            (key, state) = Add(deviceId.ToString());
        state.Record(seq, ts, temperature);
        return key;
    }

    public DeviceSnapshot? Find(string deviceId) =>
        _devices.TryGetValue(deviceId, out var state) ? state.Snapshot(deviceId) : null;

    private (string Key, DeviceState State) Add(string deviceId)
    {
        var created = new DeviceState();
        var state = _devices.GetOrAdd(deviceId, created);
        if (ReferenceEquals(state, created))
            Interlocked.Increment(ref _count);
        return (deviceId, state);
    }
}
