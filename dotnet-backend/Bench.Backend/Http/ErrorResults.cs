using Bench.Backend.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bench.Backend.Http;

/// <summary>Error responses, all with the contract's JSON error body.</summary>
internal static class ErrorResults
{
    public static JsonHttpResult<ErrorBody> Json(ErrorBody error, int statusCode) =>
        TypedResults.Json(error, BackendJsonContext.Default.ErrorBody, statusCode: statusCode);

    /// <summary>
    /// Gives routing's bodiless 404 (no such route) and 405 (known route, wrong method) the JSON error body.
    /// Responses that already carry a body, such as "unknown device", are left alone.
    /// </summary>
    public static IApplicationBuilder UseJsonStatusCodeBodies(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context =>
        {
            var message = context.HttpContext.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "unknown route",
                StatusCodes.Status405MethodNotAllowed => "method not allowed",
                var status => $"status {status}",
            };
            return Json(new ErrorBody(message, null), context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
        });
}
