using Bench.Harness.Supervision;

namespace Bench.Harness.Orchestration;

/// <summary>A backend process that printed its ready line, with the address it serves.</summary>
internal sealed class RunningBackend(BackendSpec spec, SupervisedProcess process, int port, int? mqttPort = null, string host = "127.0.0.1") : IAsyncDisposable
{
    public static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public BackendSpec Spec { get; } = spec;

    public SupervisedProcess Process { get; } = process;

    public int Port { get; } = port;

    public Uri BaseAddress { get; } = new($"http://{host}:{port}/");

    /// <summary>The address it listens on (BENCH_HOST): loopback unless compare's --listen-host asks for another.</summary>
    public string Host { get; } = host;

    /// <summary>The MQTT port of a backend that is its own broker (node-aedes); null for the others.</summary>
    public int? MqttPort { get; } = mqttPort;

    /// <summary>The broker devices connect to: the backend itself when it is one, else <paramref name="externalBroker"/>.</summary>
    public string? BrokerUrl(string? externalBroker) => MqttPort is { } own ? $"mqtt://{Host}:{own}" : externalBroker;

    /// <summary>
    /// Starts the backend and waits for its ready line (<c>BENCH-READY backend=… port=… pid=…</c>). A null
    /// <paramref name="workers"/> uses the count written for the backend in backends.yaml.
    /// </summary>
    public static async Task<RunningBackend> StartAsync(
        BackendSpec spec, string root, string? brokerUrl, int? workers, string? cpuList, CancellationToken cancellationToken, string host = "127.0.0.1")
    {
        var port = FreePort.Next();
        int? mqttPort = spec.ServesMqtt ? FreePort.Next() : null;
        var process = SupervisedProcess.Start(
            spec.ToProcess(root, port, workers ?? spec.Workers, brokerUrl, cpuList, mqttPort ?? 0, host), ReadyLine.IsReadyLine);
        try
        {
            var line = await process.WaitUntilReadyAsync(ReadyDeadline, cancellationToken).ConfigureAwait(false);
            var announced = ReadyLine.Parse(line);
            if (announced.Port != port)
            {
                throw new InvalidOperationException($"{spec.Name} announced port {announced.Port}, but was given {port}");
            }
        }
        catch
        {
            await process.StopAsync(StopGrace).ConfigureAwait(false);
            throw;
        }

        return new RunningBackend(spec, process, port, mqttPort, host);
    }

    public Task<StopResult> StopAsync() => Process.StopAsync(StopGrace);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
