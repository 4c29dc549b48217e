using System.Net;
using Bench.Harness.Agents;
using Bench.Harness.Preflight;

namespace Bench.UnitTests.Agents;

public sealed class FleetPlannerTests
{
    [Fact]
    public void A_fleet_that_fits_one_process_gets_one_agent_on_its_own_source_address()
    {
        var plan = FleetPlanner.Plan(new FleetDemand(200, 200, 64, ConnectionPerDevice: true), SystemLimits.Typical, null, useSourceLanes: true);

        var agent = Assert.Single(plan.Agents);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), agent.SourceAddress);
        Assert.Equal((0, 200, 200), (agent.DeviceOffset, agent.Devices, agent.Sockets));
        Assert.False(plan.Forced);
    }

    [Fact]
    public void A_hundred_thousand_devices_need_ceil_of_devices_over_eighteen_thousand_agents()
    {
        var plan = FleetPlanner.Plan(new FleetDemand(100_000, 50_000, 64, ConnectionPerDevice: true), SystemLimits.Typical, null, useSourceLanes: true);

        Assert.Equal(18_000, plan.SocketsPerAgentLimit);
        Assert.Equal(6, plan.Agents.Count);
        Assert.All(plan.Agents, a => Assert.True(a.Sockets <= 18_000));
        Assert.Equal(Enumerable.Range(2, 6).Select(i => $"127.0.0.{i}"), plan.Agents.Select(a => a.SourceAddress!.ToString()));
    }

    [Fact]
    public void Device_ranges_are_disjoint_contiguous_and_shares_add_up_exactly()
    {
        var plan = FleetPlanner.Plan(new FleetDemand(1_001, 333, 10, ConnectionPerDevice: false), SystemLimits.Typical, 3, useSourceLanes: true);

        Assert.Equal([334, 334, 333], plan.Agents.Select(a => a.Devices));
        Assert.Equal([0, 334, 668], plan.Agents.Select(a => a.DeviceOffset));
        Assert.Equal([4, 3, 3], plan.Agents.Select(a => a.Connections));
        Assert.Equal(333, plan.Agents.Sum(a => a.RatePerSecond), 9);
        Assert.Equal(plan.Agents.Select(a => a.Connections), plan.Agents.Select(a => a.Sockets));
        Assert.True(plan.Forced);
        Assert.Equal(["agent-1", "agent-2", "agent-3"], plan.Agents.Select(a => a.Name));
    }

    [Fact]
    public void An_ipv6_destination_shares_one_lane_because_127_0_0_x_cannot_reach_it()
    {
        var plan = FleetPlanner.Plan(new FleetDemand(40_000, 1, 1, ConnectionPerDevice: true), SystemLimits.Typical, null, useSourceLanes: false);

        Assert.Equal(3, plan.Agents.Count);
        Assert.All(plan.Agents, a => Assert.Null(a.SourceAddress));
    }

    [Fact]
    public void A_narrow_port_range_lowers_what_one_agent_may_hold()
    {
        var limits = SystemLimits.Typical with { EphemeralPorts = new PortRange(50_000, 59_999) };

        var plan = FleetPlanner.Plan(new FleetDemand(20_000, 1, 1, ConnectionPerDevice: true), limits, null, useSourceLanes: true);

        Assert.Equal(9_000, plan.SocketsPerAgentLimit);
        Assert.Equal(3, plan.Agents.Count);
    }
}
