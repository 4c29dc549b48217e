namespace Bench.Backend.Endpoints;

/// <summary>The 202 body of <c>POST /telemetry</c>.</summary>
internal sealed record TelemetryAccepted(string DeviceId, long Seq);
