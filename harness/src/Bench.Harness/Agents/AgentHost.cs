using Bench.Harness.Agents.Protocol;
using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>
/// The agent side of the protocol (<c>bench agent</c>): says ready, waits for one run, reports progress once a
/// second, sends the result (or an error), then waits for the controller to close its stdin, so the controller alone
/// decides when an agent's life ends and any earlier exit is a death. A stop message, or stdin closing early (the
/// controller died), stops the load; the result of what was measured is still sent.
/// </summary>
internal sealed class AgentHost(TextReader input, TextWriter output, LoadRunner runner, TimeSpan progressInterval)
{
    private readonly Lock _writeGate = new();

    /// <summary>Exit codes of <c>bench agent</c>.</summary>
    public const int Completed = 0;
    public const int Failed = 1;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Send(new ReadyMessage());
        var spec = await WaitForRunAsync(cancellationToken);
        if (spec is null)
        {
            return Completed;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = ListenForStopAsync(stop);
        try
        {
            var result = await RunWithProgressAsync(spec, stop.Token);
            Send(new ResultMessage(result));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var reason = ex is OperationCanceledException ? "stopped before anything was measured" : $"{ex.GetType().Name}: {ex.Message}";
            Send(new ErrorMessage(reason));
            await Console.Error.WriteLineAsync($"agent: {ex}");
            await WaitForCloseAsync(listening, cancellationToken);
            return Failed;
        }

        await WaitForCloseAsync(listening, cancellationToken);
        return Completed;
    }

    private static async Task WaitForCloseAsync(Task listening, CancellationToken cancellationToken)
    {
        try
        {
            await listening.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM after the result or error was sent: nothing is left to do.
        }
    }

    private async Task<LoadSpec?> WaitForRunAsync(CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!AgentMessageCodec.TryRead(line, out var message, out var problem))
            {
                Send(new ErrorMessage($"unreadable message ({problem}): {Truncate(line)}"));
                continue;
            }

            switch (message)
            {
                case RunMessage run:
                    return run.Spec;
                case StopMessage:
                    return null;
                default:
                    Send(new ErrorMessage($"unexpected message before a run: {Truncate(line)}"));
                    break;
            }
        }

        return null;
    }

    /// <summary>Reads until stdin closes; a stop message, or stdin closing before the result, stops the run.</summary>
    private async Task ListenForStopAsync(CancellationTokenSource stop)
    {
        while (await input.ReadLineAsync(CancellationToken.None) is { } line)
        {
            if (AgentMessageCodec.TryRead(line, out var message, out _) && message is StopMessage)
            {
                await stop.CancelAsync();
            }
        }

        await stop.CancelAsync();
    }

    private async Task<LoadResult> RunWithProgressAsync(LoadSpec spec, CancellationToken cancellationToken)
    {
        var latest = new LatestProgress();
        var run = runner(spec, latest, cancellationToken);
        using var timer = new PeriodicTimer(progressInterval);
        while (await Task.WhenAny(run, timer.WaitForNextTickAsync().AsTask()) != run)
        {
            Send(new ProgressMessage(latest.Value));
        }

        return await run;
    }

    private void Send(AgentMessage message)
    {
        var line = AgentMessageCodec.Write(message);
        lock (_writeGate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static string Truncate(string line) => line.Length <= 200 ? line : line[..200] + "…";
}
