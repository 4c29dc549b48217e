using Bench.Backend;
using Bench.Backend.Endpoints;
using Bench.Backend.Hosting;
using Bench.Backend.Http;
using Bench.Backend.Mqtt;

BackendOptions options;
try
{
    options = BackendOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync($"Bench.Backend: {e.Message}");
    return 2;
}

// The arguments are ours (parsed above), not configuration keys for the host.
var builder = WebApplication.CreateSlimBuilder().ConfigureBackend(options);
builder.Services.AddMqttIngest(options);

var app = builder.Build();
app.UseJsonStatusCodeBodies();
app.UseWebSockets();
app.MapStatusEndpoints()
    .MapTelemetryEndpoints()
    .MapAnalyzeEndpoints()
    .MapWebSocketEndpoints();

await app.StartAsync();
await MqttIngest.WaitUntilSubscribedAsync(app.Services, app.Lifetime.ApplicationStopping);
ReadyLine.Print(app.Services);
await app.WaitForShutdownAsync();
return 0;
