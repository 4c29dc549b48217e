using Bench.Harness.Agents;
using Bench.Harness.Preflight;

namespace Bench.UnitTests.Preflight;

public sealed class PreflightCheckTests
{
    private static readonly ServerCapacity Node = new("backend 'node'", 1, "use a multi-process variant");

    [Fact]
    public void A_small_fleet_passes_every_check()
    {
        var report = Check(new FleetDemand(200, 200, 64, true), agents: null, inProcess: false, Node);

        Assert.True(report.CanRun);
        Assert.All(report.Findings, f => Assert.Equal(PreflightSeverity.Info, f.Severity));
        Assert.Contains(report.Findings, f => f.Limit == "RLIMIT_NOFILE agent-1");
    }

    [Fact]
    public void Every_problem_of_an_impossible_plan_is_reported_at_once()
    {
        var report = Check(new FleetDemand(30_000, 30_000, 64, true), agents: 1, inProcess: false, Node);

        Assert.False(report.CanRun);
        var errors = report.Errors.Select(e => e.Limit).ToList();
        Assert.Equal(["RLIMIT_NOFILE agent-1", "ephemeral ports from 127.0.0.2", "server connections"], errors);
        Assert.Contains("at least 2 agents", report.Errors.First().Explanation, StringComparison.Ordinal);
        Assert.Contains("multi-process variant", report.Errors.Last().Explanation, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f is { Limit: "accept backlog", Severity: PreflightSeverity.Warning });
    }

    [Fact]
    public void A_single_process_backend_refuses_more_devices_than_it_can_hold_even_with_enough_agents()
    {
        var report = Check(new FleetDemand(25_000, 1_000, 64, true), agents: null, inProcess: false, Node);

        var error = Assert.Single(report.Errors);
        Assert.Equal("server connections", error.Limit);
        Assert.Contains("18,000", error.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void In_process_load_counts_every_socket_against_the_harness_itself()
    {
        var report = Check(new FleetDemand(19_000, 1_000, 64, true), agents: 1, inProcess: true, server: null);

        var error = Assert.Single(report.Errors);
        Assert.Equal("RLIMIT_NOFILE bench (in-process)", error.Limit);
        Assert.Contains("drop --in-process", error.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_target_is_a_warning_because_its_limits_are_unknown()
    {
        var report = Check(new FleetDemand(100, 100, 64, true), agents: null, inProcess: false, server: null);

        Assert.True(report.CanRun);
        Assert.Contains(report.Findings, f => f is { Limit: "server connections", Severity: PreflightSeverity.Warning });
    }

    [Fact]
    public void Agents_sharing_one_lane_are_checked_together_against_the_port_range()
    {
        var demand = new FleetDemand(30_000, 1, 1, true);
        var plan = FleetPlanner.Plan(demand, SystemLimits.Typical, 2, useSourceLanes: false);

        var report = PreflightCheck.Run(plan, SystemLimits.Typical, false, null);

        var error = Assert.Single(report.Errors);
        Assert.Equal("ephemeral ports from default source address", error.Limit);
        Assert.Equal("30,000", error.Needed);
    }

    private static PreflightReport Check(FleetDemand demand, int? agents, bool inProcess, ServerCapacity? server) =>
        PreflightCheck.Run(FleetPlanner.Plan(demand, SystemLimits.Typical, agents, useSourceLanes: true), SystemLimits.Typical, inProcess, server);
}
