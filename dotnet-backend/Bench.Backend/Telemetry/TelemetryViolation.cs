namespace Bench.Backend.Telemetry;

/// <summary>Why a reading was refused, and which field (null when the body as a whole is wrong).</summary>
internal readonly record struct TelemetryViolation(string Error, string? Field);
