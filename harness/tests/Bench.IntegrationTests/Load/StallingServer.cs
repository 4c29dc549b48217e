using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bench.IntegrationTests.Load;

/// <summary>
/// A loopback HTTP server answering POST /telemetry with 202 that, when its <see cref="StallAtRequest"/>-th request
/// arrives, stops answering anything for <see cref="StallFor"/>: the server-wide freeze that coordinated omission hides.
/// </summary>
internal sealed class StallingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;
    private long _stallUntil;

    private StallingServer(WebApplication app) => _app = app;

    public required long StallAtRequest { get; init; }

    public required TimeSpan StallFor { get; init; }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<StallingServer> StartAsync(long stallAtRequest, TimeSpan stallFor)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new StallingServer(app) { StallAtRequest = stallAtRequest, StallFor = stallFor };
        app.MapPost("/telemetry", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Interlocked.Increment(ref _requests) == StallAtRequest)
        {
            Volatile.Write(ref _stallUntil, Stopwatch.GetTimestamp() + (long)(StallFor.TotalSeconds * Stopwatch.Frequency));
        }

        TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Volatile.Read(ref _stallUntil));
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, context.RequestAborted);
        }

        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
