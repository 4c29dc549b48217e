namespace Bench.Backend.Telemetry;

internal enum JsonNumberKind
{
    Missing,
    NotANumber,
    NonFinite,
    Finite,
}
