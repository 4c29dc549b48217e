using System.Diagnostics;

namespace Bench.Harness.Supervision;

/// <summary>
/// A child process the harness started and owns: readiness by a ready line with a deadline (never a sleep), the last
/// lines of its output for error reports, and a stop that is SIGTERM, a bounded wait, then SIGKILL to its whole tree.
/// The child runs in its own session (setsid), so its workers share its process group and none can be missed.
/// </summary>
internal sealed partial class SupervisedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _readyLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, bool> _isReadyLine;
    private readonly Action<string>? _onStandardOutputLine;
    private Task _standardOutputPump = Task.CompletedTask;
    private int _stopping;

    private SupervisedProcess(ProcessSpec spec, Process process, Func<string, bool> isReadyLine, Action<string>? onStandardOutputLine)
    {
        Spec = spec;
        _process = process;
        _isReadyLine = isReadyLine;
        _onStandardOutputLine = onStandardOutputLine;
    }

    public ProcessSpec Spec { get; }

    public int Pid { get; private set; }

    public ProcessState State { get; private set; } = ProcessState.Created;

    public OutputTail Output { get; } = new();

    /// <summary>Completes when the child has exited, with its exit code.</summary>
    public Task<int> Exited { get; private set; } = Task.FromResult(-1);

    /// <summary>Starts the child. <paramref name="isReadyLine"/> recognises its ready line; null means readiness is probed by the caller.</summary>
    public static SupervisedProcess Start(ProcessSpec spec, Func<string, bool>? isReadyLine = null) => Start(spec, isReadyLine, null);

    private static SupervisedProcess Start(ProcessSpec spec, Func<string, bool>? isReadyLine, Action<string>? onStandardOutputLine)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        BuildCommand(spec, info);
        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var child = new SupervisedProcess(spec, new Process { StartInfo = info, EnableRaisingEvents = true }, isReadyLine ?? (_ => false), onStandardOutputLine);
        child.Launch();
        return child;
    }

    /// <summary>setsid gives the child its own process group; taskset pins it. Both exec in place, so the PID is the child's.</summary>
    private static void BuildCommand(ProcessSpec spec, ProcessStartInfo info)
    {
        var prefix = new List<string>();
        if (spec.CpuList is not null)
        {
            prefix.AddRange(["taskset", "-c", spec.CpuList]);
        }

        prefix.Add("setsid");
        info.FileName = prefix[0];
        foreach (var part in prefix.Skip(1).Append(spec.FileName).Concat(spec.Arguments))
        {
            info.ArgumentList.Add(part);
        }
    }

    private void Launch()
    {
        State = ProcessState.Starting;
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.Exited += (_, _) => exited.TrySetResult(SafeExitCode());
        try
        {
            _process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            State = ProcessState.Exited;
            throw new InvalidOperationException($"{Spec.Name}: cannot start '{Spec.FileName}': {ex.Message}", ex);
        }

        Pid = _process.Id;
        ChildProcessRegistry.Add(this);
        if (_onStandardOutputLine is null)
        {
            _process.StandardInput.Close();
        }

        Exited = WaitForExitAndOutputAsync(exited.Task);
        _standardOutputPump = PumpAsync(_process.StandardOutput, detectReady: true);
        _ = PumpAsync(_process.StandardError, detectReady: false);
    }

    private async Task<int> WaitForExitAndOutputAsync(Task<int> exited)
    {
        var code = await exited.ConfigureAwait(false);
        State = ProcessState.Exited;
        _readyLine.TrySetException(new ChildExitedException(Spec.Name, code, Output.Snapshot()));
        ChildProcessRegistry.Remove(this);
        return code;
    }

    private int SafeExitCode()
    {
        try
        {
            return _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private async Task PumpAsync(StreamReader reader, bool detectReady)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (detectReady && _onStandardOutputLine is not null)
            {
                _onStandardOutputLine(line);
                continue;
            }

            Output.Add(line);
            if (detectReady && _isReadyLine(line) && _readyLine.TrySetResult(line))
            {
                State = ProcessState.Ready;
            }
        }
    }
}
