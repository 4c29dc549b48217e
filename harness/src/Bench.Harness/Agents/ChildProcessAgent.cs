using System.Threading.Channels;
using Bench.Harness.Agents.Protocol;
using Bench.Harness.Supervision;
using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>
/// A <c>bench agent</c> child, supervised like every other child (its own process group, in the registry, killed
/// with the harness). Speaks the JSON-lines protocol over its stdin/stdout; any exit before its result, an error
/// message, or 10 s without a message (it sends progress every second) fails it, naming it with its last lines.
/// </summary>
internal sealed class ChildProcessAgent : ILoadAgent
{
    public static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(30);

    private readonly Channel<AgentMessage> _messages = Channel.CreateUnbounded<AgentMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutputTail _strayOutput = new(10);
    private readonly Lock _inputGate = new();
    private SupervisedProcess? _process;

    private ChildProcessAgent(AgentAssignment assignment) => Assignment = assignment;

    public AgentAssignment Assignment { get; }

    public int Pid => Process.Pid;

    private SupervisedProcess Process => _process ?? throw new InvalidOperationException($"{Assignment.Name} has not started");

    /// <summary>Starts the child from <paramref name="launch"/> and waits for its ready message.</summary>
    public static async Task<ChildProcessAgent> StartAsync(AgentAssignment assignment, ProcessSpec launch, CancellationToken cancellationToken)
    {
        var agent = new ChildProcessAgent(assignment);
        agent._process = SupervisedProcess.StartWithLineProtocol(launch with { Name = assignment.Name }, agent.OnLine);
        try
        {
            var first = await agent.NextAsync(ReadyDeadline, cancellationToken, "printed no ready message");
            return first is ReadyMessage ? agent : throw agent.Failed($"sent {first.GetType().Name} instead of ready", null);
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    public Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress> progress, CancellationToken cancellationToken)
    {
        return AgentRunLoop.RunAsync(spec, Send, NextAsync, reason => Failed(reason, null), progress, cancellationToken);
    }

    /// <summary>Closes stdin (the agent's cue to exit), waits briefly, then stops it the supervised way.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        CloseInput();
        await Task.WhenAny(_process.Exited, Task.Delay(TimeSpan.FromSeconds(2)));
        await _process.DisposeAsync();
    }

    private void OnLine(string line)
    {
        if (AgentMessageCodec.TryRead(line, out var message, out _))
        {
            _messages.Writer.TryWrite(message!);
        }
        else
        {
            _strayOutput.Add("stdout: " + line);
        }
    }

    /// <summary>The next message; fails the agent when it exits first or nothing arrives within <paramref name="limit"/>.</summary>
    private async Task<AgentMessage> NextAsync(TimeSpan limit, CancellationToken cancellationToken, string silence)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var read = _messages.Reader.ReadAsync(timeout.Token).AsTask();
        if (await Task.WhenAny(read, Process.Exited) != read)
        {
            await DrainAfterExitAsync();
        }

        try
        {
            return await read;
        }
        catch (ChannelClosedException)
        {
            throw Failed("exited before sending its result", await Process.Exited);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Process.Kill();
            throw Failed($"{silence}; killed", null);
        }
    }

    /// <summary>A child's last lines can still be in the pipe when its exit is seen; read them before calling it dead.</summary>
    private async Task DrainAfterExitAsync()
    {
        try
        {
            await Process.StandardOutputClosed.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            // A grandchild still holds the pipe open; what arrived so far is all there is.
        }

        _messages.Writer.TryComplete();
    }

    private void Send(AgentMessage message)
    {
        var line = AgentMessageCodec.Write(message);
        lock (_inputGate)
        {
            try
            {
                Process.StandardInput.WriteLine(line);
                Process.StandardInput.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // The agent is gone; its exit is reported by the next read, with its exit code.
            }
        }
    }

    private void CloseInput()
    {
        lock (_inputGate)
        {
            try
            {
                Process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Closing a pipe whose reader has died: nothing left to tell it.
            }
        }
    }

    private AgentFailedException Failed(string reason, int? exitCode) =>
        new(new AgentFailure(Assignment.Name, _process?.Pid, reason, exitCode, [.. Process.Output.Snapshot(), .. _strayOutput.Snapshot()]));

}
