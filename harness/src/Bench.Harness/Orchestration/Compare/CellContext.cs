using Bench.Harness.Supervision;
using Bench.Harness.Workloads;
using Bench.Load.Engine;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>Everything a workload driver needs for one cell: the plan, the running backend, where to send, and how long.</summary>
internal sealed record CellContext(
    string Root,
    CellPlan Cell,
    ProfileSpec Profile,
    RunningBackend Backend,
    IReadOnlyList<MosquittoBroker> Brokers,
    CpuPlacement Cpus,
    IProgress<CellProgress> Progress)
{
    /// <summary>Where the load comes from: local agent children, or remote agents (compare --agents).</summary>
    public LoadAgents Agents { get; init; } = LoadAgents.Local;

    public WorkloadSpec Workload => Cell.Workload;

    public PhaseDurations Durations => Profile.Durations;

    /// <summary>
    /// Where devices send; MQTT goes to the backend itself when it is its own broker (node-aedes), and is spread over
    /// the brokers when there are several (device n on broker n mod K).
    /// </summary>
    public LoadTarget Target => Backend.MqttPort is { } own
        ? new LoadTarget(Backend.BaseAddress, Backend.Host, own)
        : Brokers.Count == 0
            ? new LoadTarget(Backend.BaseAddress)
            : new LoadTarget(Backend.BaseAddress, Brokers[0].Host, Brokers[0].Port) { MoreMqttPorts = [.. Brokers.Skip(1).Select(b => b.Port)] };
}

/// <summary>A live view of the cell for the progress display.</summary>
internal sealed record CellProgress(string Phase, double AcksPerSecond, double P99Milliseconds, long OpenConnections, long Errors)
{
    /// <summary>The backend tree's resident memory at the latest sample, when there is one.</summary>
    public double? RssMiB { get; init; }

    /// <summary>Where the load engine is (connecting, warm-up, measuring, draining), when a load runs.</summary>
    public Bench.Load.Engine.LoadPhase? LoadPhase { get; init; }
}
