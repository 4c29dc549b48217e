using System.CommandLine;
using Bench.Harness.Agents;
using Bench.Load.Engine;

namespace Bench.Harness.Cli;

/// <summary>
/// <c>bench agent</c>: a load agent speaking JSON lines on stdin/stdout, started by <c>bench run</c> (never by hand).
/// The protocol only needs a reader and a writer, so a remote agent (<c>bench agent --listen ADDR:PORT</c>) is the
/// same <see cref="AgentHost"/> over a TCP stream.
/// </summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var command = new Command("agent", "Load agent: runs its share of a fleet for 'bench run' (JSON lines on stdin/stdout)") { Hidden = true };
        command.SetAction((_, cancellationToken) => RunAsync(cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // stdout carries the protocol only; diagnostics go to stderr, which the controller keeps for error reports.
        await using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        using var input = new StreamReader(Console.OpenStandardInput());
        var host = new AgentHost(input, output, LoadEngine.RunAsync, TimeSpan.FromSeconds(1));
        return await host.RunAsync(cancellationToken);
    }
}
