using Bench.Load.Engine;

namespace Bench.Harness.Agents.Remote;

/// <summary>A validated <c>bench run --remote-agents</c>: the run, its split (one share per endpoint, in order), and how to reach the agents.</summary>
internal sealed record RemoteRun(RunSpec Run, FleetPlan Plan, IReadOnlyList<AgentEndpoint> Endpoints, AgentToken Token)
{
    /// <summary>Where the agents send: --target, and --broker for mqtt-fleet.</summary>
    public LoadTarget Target => Run.Broker is { } broker
        ? new LoadTarget(Run.Target!, broker.DnsSafeHost, broker.Port)
        : new LoadTarget(Run.Target!);

    /// <summary>What the controller says at connect: the token and every host it will aim the agents at, nothing else.</summary>
    public HelloMessage Hello => new(Token.Value, TargetHosts.Of(Target));
}
