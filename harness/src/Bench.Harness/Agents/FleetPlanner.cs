using System.Net;
using Bench.Harness.Preflight;

namespace Bench.Harness.Agents;

/// <summary>
/// Chooses the number of load agents K and splits the fleet across them. One agent process holds at most
/// <see cref="ConnectionBudget.PerAgent"/> sockets (its RLIMIT_NOFILE and the ~28k ephemeral ports of one source
/// address), so K = ceil(sockets / that); agent k binds its sockets to 127.0.0.(k+2), its own port lane.
/// </summary>
internal static class FleetPlanner
{
    /// <summary>Plans the split. <paramref name="forcedAgents"/> overrides K (preflight then checks that it fits).</summary>
    /// <param name="demand">The whole fleet.</param>
    /// <param name="limits">This host's limits.</param>
    /// <param name="forcedAgents">K from the command line, or null to choose it.</param>
    /// <param name="useSourceLanes">False when the target is IPv6 (::1): 127.0.0.x cannot reach it, so every agent shares the one lane.</param>
    public static FleetPlan Plan(FleetDemand demand, SystemLimits limits, int? forcedAgents, bool useSourceLanes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(demand.Devices, 1);
        var perAgent = ConnectionBudget.PerAgent(limits);
        var required = Math.Max(1, (int)Math.Ceiling(demand.Sockets / (double)Math.Max(1, perAgent)));
        var count = forcedAgents ?? required;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, demand.Devices);

        var agents = new List<AgentAssignment>(count);
        var offset = 0;
        for (var k = 0; k < count; k++)
        {
            var devices = Share(demand.Devices, count, k);
            var connections = Share(demand.Connections, count, k);
            var sockets = demand.ConnectionPerDevice ? devices : connections;
            var rate = demand.RatePerSecond * devices / demand.Devices;
            agents.Add(new AgentAssignment(k, offset, devices, rate, connections, sockets, useSourceLanes ? SourceAddress(k) : null));
            offset += devices;
        }

        return new FleetPlan(demand, agents, perAgent, required, forcedAgents is not null);
    }

    /// <summary>Even split; the first <c>total % parts</c> agents take one more, so the shares add up exactly.</summary>
    public static int Share(int total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);

    /// <summary>127.0.0.(k+2): 127.0.0.1 stays the backend's address, each agent gets its own source lane.</summary>
    public static IPAddress SourceAddress(int index) =>
        index is >= 0 and < 253 ? new IPAddress([127, 0, 0, (byte)(index + 2)]) : throw new ArgumentOutOfRangeException(nameof(index), index, "at most 253 agents");
}
