using Bench.Harness.Agents.Protocol;
using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>
/// The controller's side of one run, whatever carries the messages (a child's stdin/stdout, or TCP): send the run,
/// pass progress on, return the result. Silence past <see cref="SilenceLimit"/> fails the agent; on cancellation a
/// stop is sent and the agent has <see cref="StopDeadline"/> to send what it measured.
/// </summary>
internal static class AgentRunLoop
{
    /// <summary>Heartbeat timeout: progress arrives every second, so this much silence means a hung agent (methodology §8.2).</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(10);

    /// <summary>After a stop, the result must arrive within this, so Ctrl-C ends everything within 5 s.</summary>
    public static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(4);

    /// <param name="spec">The agent's share of the load.</param>
    /// <param name="send">Writes one message to the agent.</param>
    /// <param name="next">Reads the next message within a limit, failing the agent with the given description of its silence.</param>
    /// <param name="failed">Builds the failure for a reason.</param>
    /// <param name="progress">Receives the agent's progress.</param>
    /// <param name="cancellationToken">Stops the run; the agent's result still comes back.</param>
    public static async Task<LoadResult> RunAsync(
        LoadSpec spec,
        Action<AgentMessage> send,
        Func<TimeSpan, CancellationToken, string, Task<AgentMessage>> next,
        Func<string, Exception> failed,
        IProgress<LoadProgress> progress,
        CancellationToken cancellationToken)
    {
        send(new RunMessage(spec));
        DateTime? stopBy = null;
        while (true)
        {
            AgentMessage message;
            try
            {
                message = stopBy is { } deadline
                    ? await next(Max(deadline - DateTime.UtcNow, TimeSpan.Zero), CancellationToken.None, $"did not stop within {StopDeadline.TotalSeconds:0} s")
                    : await next(SilenceLimit, cancellationToken, $"sent nothing for {SilenceLimit.TotalSeconds:0} s");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && stopBy is null)
            {
                stopBy = DateTime.UtcNow + StopDeadline;
                send(new StopMessage());
                continue;
            }

            switch (message)
            {
                case ProgressMessage { Progress: { } figures }:
                    progress.Report(figures);
                    break;
                case ProgressMessage:
                    break;
                case ResultMessage result:
                    return result.Result;
                case ErrorMessage error:
                    throw failed($"reported an error: {error.Message}");
                default:
                    throw failed($"sent an unexpected '{message.GetType().Name}' message");
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
