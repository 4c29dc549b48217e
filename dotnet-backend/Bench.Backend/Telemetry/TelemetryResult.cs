namespace Bench.Backend.Telemetry;

/// <summary>
/// The outcome of one reading. When rejected, <see cref="Error"/> says why and <see cref="Field"/> names the
/// first failing field (null when the body is not a JSON object); <see cref="DeviceId"/> and <see cref="Seq"/>
/// are set whenever those fields were themselves valid, so error frames can echo them.
/// </summary>
internal readonly record struct TelemetryResult(bool Accepted, string? DeviceId, long? Seq, string? Error, string? Field);
