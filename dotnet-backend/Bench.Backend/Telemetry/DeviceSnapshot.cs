namespace Bench.Backend.Telemetry;

/// <summary>A device's state at one instant, as served by <c>GET /devices/{id}</c>.</summary>
internal sealed record DeviceSnapshot(string DeviceId, long Count, long LastSeq, long LastTs, double TemperatureMean);
