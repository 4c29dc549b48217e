namespace Bench.Harness.Agents;

/// <summary>A validated <c>bench run</c>: what to load, how hard, for how long, and how to split the generator.</summary>
/// <param name="Workload">What the devices do.</param>
/// <param name="Backend">Backend the harness starts (from workloads/backends.yaml), or null with <paramref name="Target"/>.</param>
/// <param name="Target">An already running server on loopback, or null when the harness starts <paramref name="Backend"/>.</param>
/// <param name="Broker">The MQTT broker for an external target's mqtt-fleet; null when the harness starts its own.</param>
/// <param name="Devices">Simulated devices.</param>
/// <param name="RatePerSecond">Total arrival rate over all devices.</param>
/// <param name="Connections">Pool size for request workloads (fleets hold one connection per device).</param>
/// <param name="Duration">Measured time, after the warm-up.</param>
/// <param name="Warmup">Load applied before measuring; excluded from every figure.</param>
/// <param name="Agents">Agent count from the command line, or null to let the plan choose.</param>
/// <param name="InProcess">Generate load inside the harness process instead of agent children.</param>
/// <param name="SummaryJson">Where to write the small summary for scripts, or null.</param>
internal sealed record RunSpec(
    RunWorkload Workload,
    string? Backend,
    Uri? Target,
    Uri? Broker,
    int Devices,
    double RatePerSecond,
    int Connections,
    TimeSpan Duration,
    TimeSpan Warmup,
    int? Agents,
    bool InProcess,
    string? SummaryJson)
{
    /// <summary>What the generator needs as a whole.</summary>
    public FleetDemand Demand => new(Devices, RatePerSecond, Connections, Workload.ConnectionPerDevice());

    /// <summary>The backend's name in summaries: the catalog name, or the target URL.</summary>
    public string BackendLabel => Backend ?? Target?.ToString() ?? "?";
}
