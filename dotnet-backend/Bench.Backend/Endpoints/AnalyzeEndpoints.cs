using Bench.Backend.Analyze;
using Bench.Backend.Http;
using Bench.Backend.Json;
using Bench.Backend.Stats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bench.Backend.Endpoints;

/// <summary><c>POST /jobs/analyze</c> (contract §4): the CPU-bound job runs inline on the request's thread.</summary>
internal static class AnalyzeEndpoints
{
    public const int MaxBodyBytes = 1_048_576;

    public static IEndpointRouteBuilder MapAnalyzeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/jobs/analyze", PostAsync);
        return endpoints;
    }

    private static async Task<Results<JsonHttpResult<AnalyzeResult>, JsonHttpResult<ErrorBody>>> PostAsync(
        HttpRequest request, BackendCounters counters, IAnalyzeKernel kernel)
    {
        using var body = await JsonRequestBody.ReadAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body.Error is { } refused)
            return ErrorResults.Json(refused, body.Status);
        if (!AnalyzeRequestParser.TryParse(body.Span, out var job, out var invalid))
            return ErrorResults.Json(invalid, StatusCodes.Status400BadRequest);
        using (job)
        {
            var result = kernel.Run(job);
            counters.JobCompleted();
            return TypedResults.Json(result, BackendJsonContext.Default.AnalyzeResult);
        }
    }
}
