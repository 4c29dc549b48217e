using Bench.Harness.Agents;
using Bench.Harness.Preflight;
using Bench.Harness.Workloads;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// Before anything starts, every fleet scale of the profile is checked against this machine's limits (descriptors,
/// ports, what the backend or broker processes can hold). A scale that cannot work here is not attempted: its cells
/// are recorded as skipped with the explanation, and the rest of the run goes ahead.
/// </summary>
internal static class CellPreflight
{
    /// <summary>
    /// Why this cell cannot run on this machine with the processes <paramref name="topology"/> starts, or null when it
    /// can. With <paramref name="remoteAgents"/> the sockets are opened on the agents' hosts, so only the server side
    /// is checked here.
    /// </summary>
    public static string? Refusal(CellPlan cell, CellTopology topology, SystemLimits limits, int? remoteAgents = null) =>
        Refusal(cell.Workload, cell.Scale, limits, topology.Server(cell), remoteAgents);

    /// <summary>
    /// Why this (workload, scale) cannot run on this machine against a backend of <paramref name="backendProcesses"/>
    /// processes (each holding its share of the connections) or one broker, or null when it can.
    /// </summary>
    public static string? Refusal(WorkloadSpec workload, int scale, SystemLimits limits, int backendProcesses = 1) =>
        Refusal(workload, scale, limits, workload.UsesBroker
            ? new ServerCapacity("mosquitto", 1, "spread the devices over several brokers")
            : new ServerCapacity(
                backendProcesses == 1 ? "a single-process backend" : $"a backend of {backendProcesses} processes",
                backendProcesses,
                "use a multi-process variant of the backend with enough workers"));

    private static string? Refusal(WorkloadSpec workload, int scale, SystemLimits limits, ServerCapacity server, int? remoteAgents = null)
    {
        if (workload.Fleet is null)
        {
            return null;
        }

        var demand = new FleetDemand(scale, scale / workload.Fleet.SendInterval.TotalSeconds, scale, ConnectionPerDevice: true);
        var plan = FleetPlanner.Plan(demand, limits, forcedAgents: remoteAgents is { } k ? Math.Min(k, scale) : null, useSourceLanes: remoteAgents is null);
        var report = PreflightCheck.Run(plan, limits, inProcess: false, server, agentsElsewhere: remoteAgents is not null);
        return report.CanRun ? null : string.Join("; ", report.Errors.Select(e => $"{e.Limit}: found {e.Found}, needs {e.Needed}. {e.Explanation}"));
    }
}
