using System.CommandLine;
using Bench.Harness.Agents;
using Bench.Harness.Agents.Remote;
using Bench.Harness.Orchestration;
using Bench.Load.Engine;

namespace Bench.Harness.Cli;

/// <summary>
/// <c>bench agent</c>: a load agent speaking JSON lines on stdin/stdout, started by <c>bench run</c> (never by hand).
/// With <c>--listen ADDR:PORT</c> it is a remote agent instead: the same <see cref="AgentHost"/> served over TCP to
/// controllers that present the shared token (<c>bench run --remote-agents</c>).
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var listen = new Option<string?>("--listen") { Description = "Serve controllers over TCP on ADDRESS:PORT (0.0.0.0:7070; port 0 picks one) instead of stdin/stdout" };
        var token = new Option<string?>("--token") { Description = $"With --listen: the shared token controllers must present (default: ${AgentToken.EnvironmentVariable})" };
        var allowTargets = new Option<string?>("--allow-targets") { Description = "With --listen: address ranges this agent may load, such as 10.0.0.0/8 (default: loopback only)" };
        var sessions = new Option<string?>("--sessions") { Description = "With --listen: exit after serving this many controllers (default: serve until stopped)" };
        var command = new Command("agent", "Load agent: runs its share of a fleet for 'bench run' (JSON lines on stdin/stdout, or over TCP with --listen)")
        {
            listen, token, allowTargets, sessions,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            ReserveThreads();
            if (parse.GetValue(listen) is { } address)
            {
                return ListenAsync(address, parse.GetValue(token), parse.GetValue(allowTargets), parse.GetValue(sessions), cancellationToken);
            }

            var listenOnly = new[] { parse.GetValue(token), parse.GetValue(allowTargets), parse.GetValue(sessions) };
            return listenOnly.Any(v => v is not null)
                ? throw new InvalidInputException(["--token, --allow-targets and --sessions only apply with --listen"])
                : RunAsync(cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// An agent pinned to one CPU starts with a one-thread pool; a single blocked worker (a pipe write, a lock) then
    /// stalls every device until hill climbing adds a thread, about a second later: latency the backend never caused.
    /// </summary>
    private static void ReserveThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), Math.Max(completions, MinimumThreads));
    }

    private const int MinimumThreads = 16;

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // stdout carries the protocol only; diagnostics go to stderr, which the controller keeps for error reports.
        await using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        using var input = new StreamReader(Console.OpenStandardInput());
        var host = new AgentHost(input, output, LoadEngine.RunAsync, TimeSpan.FromSeconds(1));
        return await host.RunAsync(cancellationToken);
    }

    private static Task<int> ListenAsync(string address, string? token, string? allowTargets, string? sessions, CancellationToken cancellationToken)
    {
        var options = ListenOptions.Parse(address, token, allowTargets, sessions, Environment.GetEnvironmentVariable(AgentToken.EnvironmentVariable));
        return RemoteAgentServer.RunAsync(options, cancellationToken);
    }
}
