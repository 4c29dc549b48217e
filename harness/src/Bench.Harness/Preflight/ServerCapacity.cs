namespace Bench.Harness.Preflight;

/// <summary>The process(es) on the far end of the fleet's connections, when Bench starts them and so knows their limits.</summary>
/// <param name="Name">What holds the connections: a backend, or mosquitto for MQTT fleets.</param>
/// <param name="Processes">How many processes share them (1 for every single-process variant).</param>
/// <param name="Remedy">What to use instead when they cannot hold the fleet.</param>
internal sealed record ServerCapacity(string Name, int Processes, string Remedy);
