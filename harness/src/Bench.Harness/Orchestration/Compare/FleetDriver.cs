using Bench.Harness.Agents;
using Bench.Load.Engine;
using Bench.Load.Recording;
using Bench.Mqtt;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>ws-fleet and mqtt-fleet: N persistent devices, each sending on its own interval; ack and connect latency.</summary>
internal sealed class FleetDriver(LoadProtocol protocol) : IWorkloadDriver
{
    public async Task<DriverOutcome> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        var fleet = context.Workload.Fleet!;
        var devices = context.Cell.Scale;
        var demand = new FleetDemand(devices, devices / fleet.SendInterval.TotalSeconds, devices, ConnectionPerDevice: true);
        await using var session = await LoadSession.StartAsync(context, demand, cancellationToken).ConfigureAwait(false);
        var timeline = new ConnectionTimeline();
        var run = await session.RunAsync(a => Spec(context, a, session.Plan.Agents.Count), "devices", timeline, cancellationToken).ConfigureAwait(false);
        if (run.Problem is { } problem)
        {
            return Failed(problem, run);
        }

        var result = run.Fleet.Merged!;
        var metrics = LoadMetrics.Outcome(result);
        LoadMetrics.AddConnections(metrics, result);
        return new DriverOutcome(
            metrics,
            new Dictionary<string, LatencyHistogram> { ["latency"] = result.Latency, ["connect"] = result.ConnectTime },
            LoadMetrics.Series(result, 0).ToList(),
            LoadMetrics.Saturation(result),
            null)
        {
            MeasureFrom = run.MeasureFrom,
            MeasureTo = run.MeasureTo,
            Connections = timeline.Snapshot(),
        };
    }

    internal FleetLoadSpec Spec(CellContext context, AgentAssignment agent, int agents)
    {
        var fleet = context.Workload.Fleet!;
        return new FleetLoadSpec
        {
            Protocol = protocol,
            Target = context.Target,
            Devices = agent.Devices,
            Interval = fleet.SendInterval,
            ConnectRate = fleet.ConnectRate / agents,
            // A different seed per agent, or device i of every agent would fire at the same instants.
            Seed = agent.Index + 1,
            DeviceIdOffset = agent.DeviceOffset,
            DeviceIdPrefix = $"{context.Cell.Workload.Name}-t{context.Cell.Trial}-",
            SourceAddress = agent.SourceAddress,
            WarmUp = Warmup(context.Durations.Warmup, fleet.SendInterval),
            Duration = Phases.Whole(context.Durations.Measure),
            SendTimeout = fleet.AckTimeout,
            MqttQos = context.Workload.Mqtt is { Qos: 1 } ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce,
            VibrationSamples = context.Workload.Telemetry.VibrationSamples,
        };
    }

    /// <summary>
    /// At least one send interval plus a second: every device must have sent once before measuring starts, or each
    /// device's first send (a cold connection, and code paths never run before) lands in the measured window.
    /// </summary>
    internal static TimeSpan Warmup(TimeSpan profileWarmup, TimeSpan sendInterval) =>
        Phases.Whole(profileWarmup > sendInterval + TimeSpan.FromSeconds(1) ? profileWarmup : sendInterval + TimeSpan.FromSeconds(1));

    internal static DriverOutcome Failed(string problem, LoadRun run) =>
        new(new Dictionary<string, double>(), new Dictionary<string, LatencyHistogram>(), [], null, problem)
        {
            MeasureFrom = run.MeasureFrom,
            MeasureTo = run.MeasureTo,
        };
}
