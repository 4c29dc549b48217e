using Bench.Backend.Json;
using Bench.Backend.Stats;
using Bench.Backend.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bench.Backend.Endpoints;

/// <summary><c>GET /health</c> and <c>GET /stats</c> (contract §3).</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = new HealthReport("ok", endpoints.ServiceProvider.GetRequiredService<BackendOptions>().Name, Environment.ProcessId);
        endpoints.MapGet("/health", () => TypedResults.Json(health, BackendJsonContext.Default.HealthReport));
        endpoints.MapGet("/stats", GetStats);
        return endpoints;
    }

    private static JsonHttpResult<StatsSnapshot> GetStats(BackendCounters counters, DeviceRegistry devices) =>
        TypedResults.Json(counters.Snapshot(devices.Count), BackendJsonContext.Default.StatsSnapshot);
}
