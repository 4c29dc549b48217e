using System.Diagnostics;
using System.Globalization;
using Bench.Backend.Hosting;

namespace Bench.Backend.Workers;

/// <summary>
/// One worker: this same executable started with the supervisor's options and the shared port. Its ready line
/// tells the supervisor it serves; its other output is passed on; its stdin is the pipe <see cref="ParentWatch"/> reads.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(int index, Process process)
    {
        Index = index;
        _process = process;
        Exited = process.WaitForExitAsync();
        _ = ForwardOutputAsync();
    }

    public int Index { get; }

    public int Pid => _process.Id;

    /// <summary>Completes when the worker printed its ready line; faults when it exited before that.</summary>
    public Task Ready => _ready.Task;

    public Task Exited { get; }

    public int ExitCode => _process.ExitCode;

    public static WorkerProcess Start(int index, BackendOptions options, int port)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Started as `dotnet Bench.Backend.dll`, the host needs the app's path; started through the apphost it does not.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        string[] arguments =
        [
            "--host", options.Host,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--workers", options.Workers.ToString(CultureInfo.InvariantCulture),
            // Every broker of the list: each worker connects to all of them.
            "--broker", options.BrokerArgument,
        ];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment[WorkerRole.IndexVariable] = index.ToString(CultureInfo.InvariantCulture);
        return new WorkerProcess(index, Process.Start(start) ?? throw new InvalidOperationException("the worker did not start"));
    }

    /// <summary>Asks the worker to stop the way the harness asks the supervisor: SIGTERM.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
            PosixSignals.Send(_process.Id, PosixSignals.SigTerm);
    }

    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    public void Dispose() => _process.Dispose();

    private async Task ForwardOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (!_ready.Task.IsCompleted && line.StartsWith(ReadyLine.Prefix, StringComparison.Ordinal))
                _ready.TrySetResult();
            else
                Console.Out.WriteLine($"[worker {Index}] {line}");
        }
        _ready.TrySetException(new InvalidOperationException($"worker {Index} exited before its ready line"));
    }
}
