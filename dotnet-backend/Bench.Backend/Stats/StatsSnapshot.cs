namespace Bench.Backend.Stats;

/// <summary>The body of <c>GET /stats</c> (contract §3).</summary>
internal sealed record StatsSnapshot(long Accepted, long Rejected, int Devices, int OpenWebSockets, long MqttMessages, long Jobs);
