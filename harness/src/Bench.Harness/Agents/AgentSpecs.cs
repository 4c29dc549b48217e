using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>Turns a run and one agent's assignment into the load spec that agent runs.</summary>
internal static class AgentSpecs
{
    /// <summary>A stand-in target for validating specs before anything has started (the real port is not known yet).</summary>
    public static LoadTarget Placeholder { get; } = new(new Uri("http://127.0.0.1:1/"), "127.0.0.1", 1);

    public static IReadOnlyList<LoadSpec> For(RunSpec run, FleetPlan plan, LoadTarget target) =>
        plan.Agents.Select(a => For(run, a, target)).ToList();

    public static LoadSpec For(RunSpec run, AgentAssignment agent, LoadTarget target) => run.Workload switch
    {
        RunWorkload.WsFleet => Fleet(run, agent, target, LoadProtocol.WebSocket),
        RunWorkload.MqttFleet => Fleet(run, agent, target, LoadProtocol.Mqtt),
        RunWorkload.HttpIngest => Open(run, agent, target, LoadOperation.Telemetry),
        RunWorkload.CpuJobs => Open(run, agent, target, LoadOperation.Analyze),
        _ => throw new ArgumentOutOfRangeException(nameof(run), run.Workload, "unknown workload"),
    };

    /// <summary>Every device sends once per interval, so the fleet's rate is devices / interval on every agent alike.</summary>
    private static FleetLoadSpec Fleet(RunSpec run, AgentAssignment agent, LoadTarget target, LoadProtocol protocol) => new()
    {
        Protocol = protocol,
        Target = target,
        Devices = agent.Devices,
        Interval = TimeSpan.FromSeconds(run.Devices / run.RatePerSecond),
        Connections = Math.Max(1, agent.Connections),
        // A different seed per agent, or device i of every agent would fire at the same instants.
        Seed = agent.Index + 1,
        DeviceIdOffset = agent.DeviceOffset,
        SourceAddress = agent.SourceAddress,
        WarmUp = run.Warmup,
        Duration = run.Duration,
    };

    private static OpenLoadSpec Open(RunSpec run, AgentAssignment agent, LoadTarget target, LoadOperation operation) => new()
    {
        Protocol = LoadProtocol.Http,
        Operation = operation,
        Target = target,
        Rate = agent.RatePerSecond,
        Devices = agent.Devices,
        Connections = Math.Max(1, agent.Connections),
        DeviceIdOffset = agent.DeviceOffset,
        SourceAddress = agent.SourceAddress,
        WarmUp = run.Warmup,
        Duration = run.Duration,
    };
}
