using Bench.Backend;
using Bench.Backend.Analyze;
using Bench.Backend.Endpoints;
using Bench.Backend.Hosting;
using Bench.Backend.Http;
using Bench.Backend.Mqtt;
using Bench.Backend.Workers;

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

// --workers N > 1: this process only supervises N copies of itself that share the port.
if (WorkerRole.IsSupervisor(options))
    return await WorkerSupervisor.RunAsync(options);

// The arguments are ours (parsed above), not configuration keys for the host.
var builder = WebApplication.CreateSlimBuilder().ConfigureBackend(options);
if (WorkerRole.IsWorker)
    builder.ConfigureWorker();
builder.Services.AddMqttIngest(options);
if (!builder.Services.TryAddAnalyzeKernel(Environment.GetEnvironmentVariable, out var analyzerProblem))
{
    await Console.Error.WriteLineAsync($"Bench.Backend: {analyzerProblem}");
    return 2;
}

var app = builder.Build();
app.UseJsonStatusCodeBodies();
app.UseWebSockets();
app.MapStatusEndpoints()
    .MapTelemetryEndpoints()
    .MapAnalyzeEndpoints()
    .MapWebSocketEndpoints();

await app.StartAsync();
if (WorkerRole.IsWorker)
    ParentWatch.StopWhenParentExits(app.Lifetime);
await MqttIngest.WaitUntilSubscribedAsync(app.Services, app.Lifetime.ApplicationStopping);
ReadyLine.Print(app.Services, options.Name);
await app.WaitForShutdownAsync();
return 0;
