using Bench.Harness.Agents.Protocol;
using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>
/// The agent side of the protocol (<c>bench agent</c>): says ready, then runs each run message it receives in turn
/// (a compare cell reuses its agents for every ladder step or job size), reporting progress once a second and
/// sending each result (or an error). It exits when the controller closes its stdin, so the controller alone decides
/// when an agent's life ends and any earlier exit is a death. A stop message, or stdin closing (the controller died),
/// stops the run in progress; the result of what was measured is still sent.
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
        CancellationTokenSource? stop = null;
        Task<bool>? running = null;
        var allSucceeded = true;
        try
        {
            while (await ReadLineAsync(cancellationToken) is { } line)
            {
                if (!AgentMessageCodec.TryRead(line, out var message, out var problem))
                {
                    Send(new ErrorMessage($"unreadable message ({problem}): {Truncate(line)}"));
                    continue;
                }

                switch (message)
                {
                    case RunMessage run:
                        // The controller sends a run only after the previous result, which is written just before
                        // the previous run's task completes: wait for that completion, never run two at once.
                        allSucceeded &= running is null || await running;
                        stop?.Dispose();
                        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        running = RunOneAsync(run.Spec, stop.Token);
                        break;
                    case StopMessage:
                        stop?.Cancel();
                        break;
                    default:
                        Send(new ErrorMessage($"unexpected message: {Truncate(line)}"));
                        break;
                }
            }
        }
        finally
        {
            // stdin closed (or SIGTERM): stop what runs, still send what it measured.
            stop?.Cancel();
            if (running is not null)
            {
                allSucceeded &= await running;
            }

            stop?.Dispose();
        }

        return allSucceeded ? Completed : Failed;
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await input.ReadLineAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<bool> RunOneAsync(LoadSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            Send(new ResultMessage(await RunWithProgressAsync(spec, cancellationToken)));
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var reason = ex is OperationCanceledException ? "stopped before anything was measured" : $"{ex.GetType().Name}: {ex.Message}";
            Send(new ErrorMessage(reason));
            await Console.Error.WriteLineAsync($"agent: {ex}");
            return false;
        }
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
