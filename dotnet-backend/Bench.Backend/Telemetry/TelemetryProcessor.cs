using Bench.Backend.Stats;

namespace Bench.Backend.Telemetry;

/// <summary>
/// The one path every telemetry reading takes, whatever its transport: validate (contract §2), update the
/// device's state, count the outcome for <c>/stats</c>. Thread-safe; registered as a singleton.
/// </summary>
internal sealed class TelemetryProcessor(DeviceRegistry devices, BackendCounters counters)
{
    /// <param name="utf8Json">The reading as UTF-8 JSON.</param>
    /// <param name="expectedDeviceId">
    /// The device the channel belongs to (the WebSocket's <c>deviceId</c>, the MQTT topic's <c>{id}</c>);
    /// null for HTTP, where any device may post.
    /// </param>
    /// <param name="transport">Where the reading came from; MQTT readings also count as MQTT messages.</param>
    public TelemetryResult Process(ReadOnlySpan<byte> utf8Json, string? expectedDeviceId, Transport transport)
    {
        if (transport == Transport.Mqtt)
            counters.MqttMessageReceived();
        Span<char> deviceIdBuffer = stackalloc char[TelemetryParser.MaxDeviceIdLength];
        var reading = TelemetryParser.Parse(utf8Json, deviceIdBuffer);
        var seq = reading.Seq.SafeInteger;
        if (TelemetryRules.FirstViolation(reading, expectedDeviceId) is { } violation)
        {
            counters.ReadingRejected();
            var deviceId = reading.DeviceIdPresence == FieldPresence.Valid ? reading.DeviceId.ToString() : null;
            return new TelemetryResult(false, deviceId, seq, violation.Error, violation.Field);
        }
        var key = devices.Record(reading.DeviceId, seq!.Value, reading.Ts.SafeInteger!.Value, reading.Temperature.Value);
        counters.ReadingAccepted();
        return new TelemetryResult(true, key, seq, null, null);
    }
}
