using System.CommandLine;
using Bench.Harness.Orchestration;
using Bench.Harness.Supervision;
using Spectre.Console;

namespace Bench.Harness.Cli;

/// <summary><c>bench serve BACKEND [--port N] [--broker URL]</c>: one backend in the foreground, supervised, until Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var backend = new Argument<string>("backend") { Description = "Backend name from workloads/backends.yaml" };
        var port = new Option<int>("--port") { Description = "Port to listen on (default: a free one)", DefaultValueFactory = _ => 0 };
        var broker = new Option<string?>("--broker") { Description = "MQTT broker URL (mqtt://host:port); 'start' starts a mosquitto for it" };
        var workers = new Option<int>("--workers") { Description = "Worker count for multi-process variants (default: the backend's count in backends.yaml)", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Start one backend in the foreground for manual use") { backend, port, broker, workers };
        port.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be 0..65535"); });
        workers.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--workers must be at least 1"); });
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(backend)!, parse.GetValue(port), parse.GetValue(broker), parse.GetValue(workers), ct));
        return command;
    }

    private static async Task<int> RunAsync(string name, int port, string? brokerUrl, int workers, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Locate();
        var spec = BackendCatalog.Load(root).Select([name])[0];
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = ChildProcessRegistry.CancelOnTermination(cancellation);
        MosquittoBroker? broker = null;
        try
        {
            if (brokerUrl == "start")
            {
                broker = await MosquittoBroker.StartAsync(null, cancellation.Token).ConfigureAwait(false);
                brokerUrl = broker.Url;
                AnsiConsole.MarkupLineInterpolated($"mosquitto on [bold]{brokerUrl}[/]");
            }

            var mqttPort = spec.ServesMqtt ? FreePort.Next() : 0;
            var process = SupervisedProcess.Start(
                spec.ToProcess(root, port == 0 ? FreePort.Next() : port, workers == 0 ? spec.Workers : workers, brokerUrl, null, mqttPort), ReadyLine.IsReadyLine);
            if (mqttPort != 0)
            {
                AnsiConsole.MarkupLineInterpolated($"{spec.Name} is its own MQTT broker on [bold]mqtt://127.0.0.1:{mqttPort}[/]");
            }

            var ready = await process.WaitUntilReadyAsync(RunningBackend.ReadyDeadline, cancellation.Token).ConfigureAwait(false);
            var (_, actualPort, pid) = ReadyLine.Parse(ready);
            AnsiConsole.MarkupLineInterpolated($"[green]{spec.Name}[/] (pid {pid}) serving on [bold]http://127.0.0.1:{actualPort}/[/] — Ctrl-C to stop");
            var exited = await Task.WhenAny(process.Exited, Task.Delay(Timeout.Infinite, cancellation.Token)).ConfigureAwait(false) == process.Exited;
            var stop = await process.StopAsync(RunningBackend.StopGrace).ConfigureAwait(false);
            AnsiConsole.MarkupLineInterpolated($"{spec.Name} stopped: exit code {stop.ExitCode}{(stop.Graceful ? string.Empty : " (killed after the grace period)")}");
            return exited && !cancellation.IsCancellationRequested ? ExitCodes.RunError : ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is ChildExitedException or TimeoutException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{spec.Name} failed to start:[/] {ex.Message}");
            foreach (var line in (ex as ChildExitedException)?.LastLines ?? [])
            {
                AnsiConsole.MarkupLineInterpolated($"  [grey]{line}[/]");
            }

            return ExitCodes.RunError;
        }
        finally
        {
            await ChildProcessRegistry.StopAllAsync(RunningBackend.StopGrace).ConfigureAwait(false);
            if (broker is not null)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
