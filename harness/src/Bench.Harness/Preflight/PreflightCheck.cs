using System.Globalization;
using Bench.Harness.Agents;

namespace Bench.Harness.Preflight;

/// <summary>
/// Checks a fleet plan against the host (methodology §6.2): descriptors per agent, ephemeral ports per source
/// address, the accept backlog, and what the server side can hold. Every finding is returned at once.
/// </summary>
internal static class PreflightCheck
{
    /// <param name="plan">The fleet split.</param>
    /// <param name="limits">This host's limits.</param>
    /// <param name="inProcess">True when the harness process itself holds every socket (no agent children).</param>
    /// <param name="server">What Bench starts to accept the connections, or null for an external --target.</param>
    /// <param name="agentsElsewhere">True when remote agents open the client sockets on their own hosts: this host's descriptors and ports are not theirs to check.</param>
    public static PreflightReport Run(FleetPlan plan, SystemLimits limits, bool inProcess, ServerCapacity? server, bool agentsElsewhere = false)
    {
        var findings = new List<PreflightFinding>();
        if (!agentsElsewhere)
        {
            findings.AddRange(Descriptors(plan, limits, inProcess));
            findings.AddRange(Ports(plan, limits));
        }

        findings.Add(Backlog(plan, limits));
        findings.Add(Server(plan, limits, server));
        return new PreflightReport(findings);
    }

    private static IEnumerable<PreflightFinding> Descriptors(FleetPlan plan, SystemLimits limits, bool inProcess)
    {
        var holders = inProcess
            ? [("bench (in-process)", plan.Demand.Sockets)]
            : plan.Agents.Select(a => (a.Name, a.Sockets)).ToList();
        var found = Invariant($"{limits.OpenFilesSoft:N0} (hard {limits.OpenFilesHard:N0})");
        foreach (var (name, sockets) in holders)
        {
            var needed = (long)sockets + ConnectionBudget.DescriptorHeadroom;
            if (needed <= limits.OpenFilesSoft)
            {
                yield return new PreflightFinding(PreflightSeverity.Info, $"RLIMIT_NOFILE {name}", found, Invariant($"{needed:N0}"), "fits");
                continue;
            }

            var advice = inProcess
                ? "drop --in-process so the fleet is split across agent processes"
                : Invariant($"use at least {RequiredFor(plan.Demand.Sockets, ConnectionBudget.DescriptorBound(limits))} agents (--agents), or leave --agents out and let Bench choose");
            yield return new PreflightFinding(PreflightSeverity.Error, $"RLIMIT_NOFILE {name}", found, Invariant($"{needed:N0}"),
                Invariant($"{name} would hold {sockets:N0} sockets plus {ConnectionBudget.DescriptorHeadroom:N0} descriptors of headroom; the limit is per process and cannot be raised here: {advice}"));
        }
    }

    private static IEnumerable<PreflightFinding> Ports(FleetPlan plan, SystemLimits limits)
    {
        var bound = ConnectionBudget.PortBound(limits);
        foreach (var lane in plan.Agents.GroupBy(a => a.SourceAddress?.ToString() ?? "default source address"))
        {
            var sockets = lane.Sum(a => (long)a.Sockets);
            var what = $"ephemeral ports from {lane.Key}";
            var found = limits.EphemeralPorts.ToString();
            if (sockets <= bound)
            {
                yield return new PreflightFinding(PreflightSeverity.Info, what, found, Invariant($"{sockets:N0}"), "fits");
                continue;
            }

            yield return new PreflightFinding(PreflightSeverity.Error, what, found, Invariant($"{sockets:N0}"),
                Invariant($"one source address can hold about {bound:N0} connections to one destination ({ConnectionBudget.PortShare:P0} of the range); use more agents (each gets its own 127.0.0.x source), or widen the range: sysctl -w net.ipv4.ip_local_port_range=\"1025 65534\""));
        }
    }

    private static PreflightFinding Backlog(FleetPlan plan, SystemLimits limits)
    {
        var found = Invariant($"somaxconn {limits.Somaxconn:N0}, tcp_max_syn_backlog {limits.TcpMaxSynBacklog:N0}");
        var needed = Invariant($"{plan.Demand.Sockets:N0} connects");
        var backlog = Math.Min(limits.Somaxconn, limits.TcpMaxSynBacklog);
        return plan.Demand.Sockets <= backlog
            ? new PreflightFinding(PreflightSeverity.Info, "accept backlog", found, needed, "fits even if every connect arrives at once")
            : new PreflightFinding(PreflightSeverity.Warning, "accept backlog", found, needed,
                Invariant($"more connects than the accept queue holds ({backlog:N0}); a backend that accepts slowly overflows it and those connects fail or retry (counted as errors). Connects are ramped; raise net.core.somaxconn to absorb bursts."));
    }

    private static PreflightFinding Server(FleetPlan plan, SystemLimits limits, ServerCapacity? server)
    {
        if (server is null)
        {
            return new PreflightFinding(PreflightSeverity.Warning, "server connections", "unknown (external target)", Invariant($"{plan.Demand.Sockets:N0}"),
                "Bench did not start the target, so it cannot check the target's descriptor limit; a single process under 20,000 descriptors holds fewer than 20,000 connections");
        }

        var capacity = (long)server.Processes * ConnectionBudget.DescriptorBound(limits);
        var found = Invariant($"{server.Name}: {server.Processes} process(es) × RLIMIT_NOFILE {limits.OpenFilesSoft:N0}");
        var needed = Invariant($"{plan.Demand.Sockets:N0}");
        return plan.Demand.Sockets <= capacity
            ? new PreflightFinding(PreflightSeverity.Info, "server connections", found, needed, "fits")
            : new PreflightFinding(PreflightSeverity.Error, "server connections", found, needed,
                Invariant($"{server.Name} can hold about {capacity:N0} connections (one descriptor each, {ConnectionBudget.DescriptorHeadroom:N0} kept free per process), and the limit cannot be raised here: {server.Remedy}, or use at most {capacity:N0} devices"));
    }

    private static int RequiredFor(long sockets, int perProcess) => (int)Math.Ceiling(sockets / (double)Math.Max(1, perProcess));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
