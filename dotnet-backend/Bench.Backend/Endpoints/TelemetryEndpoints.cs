using Bench.Backend.Http;
using Bench.Backend.Json;
using Bench.Backend.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bench.Backend.Endpoints;

/// <summary><c>POST /telemetry</c> and <c>GET /devices/{id}</c> (contract §2, §3).</summary>
internal static class TelemetryEndpoints
{
    public const int MaxBodyBytes = 65_536;

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/telemetry", PostAsync);
        endpoints.MapGet("/devices/{id}", GetDevice);
        return endpoints;
    }

    private static async Task<Results<JsonHttpResult<TelemetryAccepted>, JsonHttpResult<ErrorBody>>> PostAsync(
        HttpRequest request, TelemetryProcessor processor)
    {
        using var body = await JsonRequestBody.ReadAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body.Error is { } refused)
            return ErrorResults.Json(refused, body.Status);
        var result = processor.Process(body.Span, expectedDeviceId: null, Transport.Http);
        if (!result.Accepted)
            return ErrorResults.Json(new ErrorBody(result.Error!, result.Field), StatusCodes.Status400BadRequest);
        return TypedResults.Json(new TelemetryAccepted(result.DeviceId!, result.Seq!.Value),
            BackendJsonContext.Default.TelemetryAccepted, statusCode: StatusCodes.Status202Accepted);
    }

    private static Results<JsonHttpResult<DeviceSnapshot>, JsonHttpResult<ErrorBody>> GetDevice(string id, DeviceRegistry devices) =>
        devices.Find(id) is { } device
            ? TypedResults.Json(device, BackendJsonContext.Default.DeviceSnapshot)
            : ErrorResults.Json(new ErrorBody("unknown device", null), StatusCodes.Status404NotFound);
}
