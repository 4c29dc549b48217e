using System.Net.WebSockets;
using Bench.Backend.Http;
using Bench.Backend.Json;
using Bench.Backend.Stats;
using Bench.Backend.Telemetry;
using Bench.Backend.WebSockets;

namespace Bench.Backend.Endpoints;

/// <summary>WebSocket <c>/ws?deviceId=</c> (contract §5).</summary>
internal static class WebSocketEndpoints
{
    public static IEndpointRouteBuilder MapWebSocketEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ws", AcceptAsync);
        return endpoints;
    }

    private static async Task AcceptAsync(HttpContext context, TelemetryProcessor processor, BackendCounters counters, IHostApplicationLifetime lifetime)
    {
        var deviceId = context.Request.Query["deviceId"].ToString();
        if (!TelemetryParser.IsValidDeviceId(deviceId))
        {
            await RefuseAsync(context, new ErrorBody("deviceId query parameter must be a valid device id", "deviceId"));
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, new ErrorBody("WebSocket upgrade required", null));
            return;
        }
        // Counted before the 101 goes out, so a client that sees the upgrade also sees itself in /stats.
        counters.WebSocketOpened();
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            // Shutdown ends every session at once (the socket is aborted) so the process stops within its deadline.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            await new TelemetrySocketSession(socket, deviceId, processor, counters).RunAsync(stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The peer vanished or the server is stopping: nothing is left to answer.
        }
        finally
        {
            counters.WebSocketClosed();
        }
    }

    private static Task RefuseAsync(HttpContext context, ErrorBody error) =>
        TypedResults.Json(error, BackendJsonContext.Default.ErrorBody, statusCode: StatusCodes.Status400BadRequest)
            .ExecuteAsync(context);
}
