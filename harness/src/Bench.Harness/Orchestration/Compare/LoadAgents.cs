using System.Globalization;
using Bench.Harness.Agents.Remote;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// Where compare's load comes from: local agent children (the default), or <c>bench agent --listen</c> processes on
/// other hosts (<c>--agents host:port,…</c>). Remote agents reach the backends and brokers Bench starts only if those
/// listen on an address of this host that the agents can route to (<c>--listen-host</c>); every cell connects to every
/// listed agent, splits its fleet in one share per agent, and merges their histograms exactly.
/// </summary>
/// <param name="ListenHost">The address backends and mosquitto listen on (BENCH_HOST, the listener line).</param>
/// <param name="Endpoints">The remote agents, in order; empty for local agents.</param>
/// <param name="Token">The remote agents' shared token; null for local agents.</param>
internal sealed record LoadAgents(string ListenHost, IReadOnlyList<AgentEndpoint> Endpoints, AgentToken? Token)
{
    public const string Loopback = "127.0.0.1";

    public static LoadAgents Local { get; } = new(Loopback, [], null);

    public bool Remote => Endpoints.Count > 0;

    /// <summary>What the controller tells each remote agent at connect: the token, and that it will only aim at the listen host.</summary>
    public HelloMessage Hello => new(Token?.Value ?? string.Empty, [TargetHosts.Normalize(ListenHost)]);

    /// <summary>As results.json's settings and the report state it.</summary>
    public string Describe() => Remote
        ? string.Create(CultureInfo.InvariantCulture, $"{Endpoints.Count} remote agent(s) at {string.Join(", ", Endpoints)}; backends and brokers listen on {ListenHost}")
        : "local agent processes on this host";
}
