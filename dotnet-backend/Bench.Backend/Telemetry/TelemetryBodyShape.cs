namespace Bench.Backend.Telemetry;

internal enum TelemetryBodyShape
{
    Object,
    NotAnObject,
    MalformedJson,
}
