namespace Bench.Harness.Supervision;

internal sealed partial class SupervisedProcess
{
    /// <summary>Waits for the ready line. Throws <see cref="ChildExitedException"/> if the child dies first and <see cref="TimeoutException"/> at the deadline.</summary>
    public async Task<string> WaitUntilReadyAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await _readyLine.Task.WaitAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Spec.Name} printed no ready line within {deadline.TotalSeconds:0} s");
        }
    }

    /// <summary>Marks the child ready when its readiness was probed from outside (no ready line).</summary>
    public void MarkReady()
    {
        if (_readyLine.TrySetResult(string.Empty))
        {
            State = ProcessState.Ready;
        }
    }

    /// <summary>
    /// SIGTERM, wait up to <paramref name="grace"/>, then SIGKILL to the child's process group and every descendant
    /// seen. Returns how the child ended. Safe to call more than once and after the child has exited.
    /// </summary>
    public async Task<StopResult> StopAsync(TimeSpan grace)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1 || State == ProcessState.Exited)
        {
            var code = await Exited.ConfigureAwait(false);
            return new StopResult(code, Graceful: true, AlreadyExited: true, LeftoversKilled: KillLeftovers());
        }

        State = ProcessState.Stopping;
        var tree = ProcessTree.Descendants(Pid);
        PosixSignals.Send(Pid, PosixSignals.SigTerm);
        var graceful = await Task.WhenAny(Exited, Task.Delay(grace)).ConfigureAwait(false) == Exited;
        if (!graceful)
        {
            PosixSignals.SendToGroup(Pid, PosixSignals.SigKill);
            PosixSignals.Send(Pid, PosixSignals.SigKill);
        }

        foreach (var pid in tree)
        {
            PosixSignals.Send(pid, PosixSignals.SigKill);
        }

        var exitCode = await Exited.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        return new StopResult(exitCode, graceful, AlreadyExited: false, LeftoversKilled: KillLeftovers());
    }

    /// <summary>Workers that outlived their parent still carry its process group; nothing of ours may stay behind.</summary>
    private bool KillLeftovers() => PosixSignals.GroupExists(Pid) && PosixSignals.SendToGroup(Pid, PosixSignals.SigKill);

    /// <summary>SIGKILL to the whole group at once, without a graceful phase (used to simulate crashes and on harness exit).</summary>
    public void Kill()
    {
        PosixSignals.SendToGroup(Pid, PosixSignals.SigKill);
        PosixSignals.Send(Pid, PosixSignals.SigKill);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }
}
