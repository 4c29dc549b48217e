namespace Bench.Harness.Agents;

/// <summary>How a fleet is split across load agents, and why that many.</summary>
/// <param name="Demand">What the whole fleet needs.</param>
/// <param name="Agents">One assignment per agent process, in order.</param>
/// <param name="SocketsPerAgentLimit">Sockets one agent may hold on this host (descriptors and ports, with margins).</param>
/// <param name="RequiredAgents">The fewest agents the limits allow.</param>
/// <param name="Forced">True when the agent count was given on the command line rather than chosen.</param>
internal sealed record FleetPlan(FleetDemand Demand, IReadOnlyList<AgentAssignment> Agents, int SocketsPerAgentLimit, int RequiredAgents, bool Forced)
{
    /// <summary>One line saying why this many agents, printed above the plan table.</summary>
    public string Rationale => Forced
        ? $"{Agents.Count} agent(s), as requested (the limits need at least {RequiredAgents})"
        : $"{Agents.Count} agent(s): {Demand.Sockets:N0} socket(s) at most {SocketsPerAgentLimit:N0} per agent";
}
