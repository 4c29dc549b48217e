namespace Bench.Backend.Telemetry;

/// <summary>What was found for a non-numeric field.</summary>
internal enum FieldPresence
{
    Missing,
    Invalid,
    Valid,
}
