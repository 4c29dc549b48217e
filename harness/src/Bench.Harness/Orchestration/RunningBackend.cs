using Bench.Harness.Supervision;

namespace Bench.Harness.Orchestration;

/// <summary>A backend process that printed its ready line, with the address it serves.</summary>
internal sealed class RunningBackend(BackendSpec spec, SupervisedProcess process, int port) : IAsyncDisposable
{
    public static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public BackendSpec Spec { get; } = spec;

    public SupervisedProcess Process { get; } = process;

    public int Port { get; } = port;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

    /// <summary>Starts the backend and waits for its ready line (<c>BENCH-READY backend=… port=… pid=…</c>).</summary>
    public static async Task<RunningBackend> StartAsync(
        BackendSpec spec, string root, string? brokerUrl, int workers, string? cpuList, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var process = SupervisedProcess.Start(spec.ToProcess(root, port, workers, brokerUrl, cpuList), ReadyLine.IsReadyLine);
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

        return new RunningBackend(spec, process, port);
    }

    public Task<StopResult> StopAsync() => Process.StopAsync(StopGrace);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
