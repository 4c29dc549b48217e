using System.Net;
using System.Runtime.InteropServices;
using Bench.Backend.Hosting;

namespace Bench.Backend.Workers;

/// <summary>
/// The parent of <c>--workers N</c> (N &gt; 1): starts N copies of this backend on one SO_REUSEPORT port, prints the
/// ready line once every one of them is ready, and stops them all on SIGTERM. It serves nothing itself. Each worker
/// keeps its own device state and counters (contract §2, §3), and subscribes through <c>$share/bench/…</c> (§6).
/// </summary>
internal static class WorkerSupervisor
{
    /// <summary>Bounded so a worker that never gets ready is reported before the harness's own 60 s deadline.</summary>
    public static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(50);

    /// <summary>Contract §1: exit within 5 s of SIGTERM. Workers get this long to stop, then they are killed.</summary>
    public static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(4.5);

    public static async Task<int> RunAsync(BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var stopping = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        // With --port 0 the supervisor picks the port and holds it (bound, never listening, so it takes no
        // connections) until the workers have bound it too.
        var reservation = options.Port == 0 ? ReusePortSocket.Bind(new IPEndPoint(BackendHosting.ResolveAddress(options.Host), 0)) : null;
        var port = reservation?.LocalEndPoint is IPEndPoint bound ? bound.Port : options.Port;
        var workers = new List<WorkerProcess>();
        try
        {
            for (var i = 0; i < options.Workers; i++)
                workers.Add(WorkerProcess.Start(i, options, port));
            if (!await AllReadyAsync(workers, stopping.Token))
                return stopping.IsCancellationRequested ? 0 : 1;
            reservation?.Dispose();
            ReadyLine.Print(BackendOptions.MultiProcessName, port);
            return await ServeUntilStoppedAsync(workers, stopping.Token);
        }
        finally
        {
            reservation?.Dispose();
            await StopAllAsync(workers);
        }

        void OnSignal(PosixSignalContext context)
        {
            // Handled here: the supervisor stops its workers first, then exits 0.
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private static async Task<bool> AllReadyAsync(List<WorkerProcess> workers, CancellationToken stopping)
    {
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ready)).WaitAsync(ReadyDeadline, stopping);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"Bench.Backend: {e.Message}; stopping every worker");
            return false;
        }
    }

    /// <summary>A worker that dies is a crash of the backend: the others are stopped and the supervisor exits 1.</summary>
    private static async Task<int> ServeUntilStoppedAsync(List<WorkerProcess> workers, CancellationToken stopping)
    {
        try
        {
            var first = await Task.WhenAny(workers.Select(w => w.Exited.ContinueWith(_ => w, TaskScheduler.Default))).Unwrap().WaitAsync(stopping);
            if (stopping.IsCancellationRequested)
                return 0;
            await Console.Error.WriteLineAsync($"Bench.Backend: worker {first.Index} (pid {first.Pid}) exited with code {first.ExitCode}; stopping every worker");
            return 1;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
    }

    private static async Task StopAllAsync(List<WorkerProcess> workers)
    {
        foreach (var worker in workers)
            worker.Terminate();
        try
        {
            await Task.WhenAll(workers.Select(w => w.Exited)).WaitAsync(StopDeadline);
        }
        catch (TimeoutException)
        {
            foreach (var worker in workers)
                worker.Kill();
        }
        foreach (var worker in workers)
            worker.Dispose();
    }
}
