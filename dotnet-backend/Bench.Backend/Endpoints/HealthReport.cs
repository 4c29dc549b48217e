namespace Bench.Backend.Endpoints;

/// <summary>The body of <c>GET /health</c>.</summary>
internal sealed record HealthReport(string Status, string Backend, int Pid);
