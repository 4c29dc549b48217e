using Bench.Load.Engine;

namespace Bench.Harness.Agents.Remote;

/// <summary>Runs <c>bench agent --listen</c> with the real load engine: the listening line on stdout, one log line per controller on stderr.</summary>
internal static class RemoteAgentServer
{
    public static async Task<int> RunAsync(ListenOptions options, CancellationToken cancellationToken)
    {
        var log = Console.Error;
        var session = new RemoteAgentSession(options.Token, options.Policy, LoadEngine.RunAsync, TimeSpan.FromSeconds(1), log);
        var listener = new RemoteAgentListener(options, session, log);
        await listener.RunAsync(endpoint =>
        {
            Console.Out.WriteLine(RemoteAgentListener.ListeningLine(endpoint));
            Console.Out.Flush();
            log.WriteLine($"agent: allows targets in {options.Policy}; {(options.Sessions is { } n ? $"exits after {n} controller(s)" : "serves until stopped")}");
        }, cancellationToken);
        return AgentHost.Completed;
    }
}
