using Bench.Harness.Agents;
using Bench.Harness.Results;
using Bench.Load.Engine;
using Bench.Load.Recording;
using Bench.Mqtt;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// pipeline (claim C8): MQTT ingestion devices alone, then the same devices while analytics devices publish readings
/// with vibration samples that the backend hands to its analytics workers behind the broker. The ingestion ack p99 of
/// the two phases shows whether analytics disturb ingestion; the analytics devices wait for their result on
/// devices/{id}/analysis, so their latency is the analysis latency from the device's send.
/// </summary>
internal sealed class PipelineDriver : IWorkloadDriver
{
    public async Task<DriverOutcome> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        var fleet = context.Workload.Fleet!;
        var analytics = context.Workload.Analytics!;
        var devices = context.Cell.Scale;
        await using var ingestion = await LoadSession.StartAsync(
            context, new FleetDemand(devices, devices / fleet.SendInterval.TotalSeconds, devices, ConnectionPerDevice: true), cancellationToken).ConfigureAwait(false);
        await using var analyticsSession = await LoadSession.StartAsync(
            context, new FleetDemand(analytics.Devices, analytics.JobRate, analytics.Devices, ConnectionPerDevice: true), cancellationToken).ConfigureAwait(false);
        var ingestionDriver = new FleetDriver(LoadProtocol.Mqtt);
        var agents = ingestion.Plan.Agents.Count;

        var alone = await ingestion.RunAsync(a => ingestionDriver.Spec(context, a, agents), "ingestion alone", null, cancellationToken).ConfigureAwait(false);
        if (alone.Problem is { } aloneProblem)
        {
            return FleetDriver.Failed(aloneProblem, alone);
        }

        // The analytics devices start once the ingestion devices have reconnected and are sending, so both measured
        // windows cover the same seconds.
        var warmUp = ingestionDriver.Spec(context, ingestion.Plan.Agents[0], agents).WarmUp;
        var (withAnalytics, analysis) = await LoadSession.AlongsideAsync(
            sending => ingestion.RunAsync(a => ingestionDriver.Spec(context, a, agents), "ingestion + analytics", null, cancellationToken, sending),
            () => analyticsSession.RunAsync(
                a => AnalyticsSpec(context, a, analyticsSession.Plan.Agents.Count, warmUp), "analytics", null, cancellationToken)).ConfigureAwait(false);
        if ((withAnalytics.Problem ?? analysis?.Problem) is { } problem)
        {
            return FleetDriver.Failed(problem, withAnalytics);
        }

        if (analysis is null)
        {
            return FleetDriver.Failed("the ingestion devices ended before they were all connected and sending", withAnalytics);
        }

        return Outcome(alone, withAnalytics, analysis);
    }

    /// <summary>
    /// The analytics devices: readings with vibration samples, answered by the analysis result instead of the ack.
    /// Their warm-up matches the ingestion devices' so both measured windows cover the same seconds.
    /// </summary>
    internal static FleetLoadSpec AnalyticsSpec(CellContext context, AgentAssignment agent, int agents, TimeSpan warmUp)
    {
        var analytics = context.Workload.Analytics!;
        return new FleetLoadSpec
        {
            Protocol = LoadProtocol.Mqtt,
            Target = context.Target,
            Devices = agent.Devices,
            Interval = analytics.SendInterval,
            ConnectRate = context.Workload.Fleet!.ConnectRate / agents,
            Seed = 1000 + agent.Index,
            DeviceIdOffset = agent.DeviceOffset,
            DeviceIdPrefix = $"{context.Cell.Workload.Name}-t{context.Cell.Trial}-analytics-",
            SourceAddress = agent.SourceAddress,
            WarmUp = FleetDriver.Warmup(warmUp, analytics.SendInterval),
            Duration = Phases.Whole(context.Durations.Measure),
            SendTimeout = analytics.ResultTimeout,
            MqttQos = context.Workload.Mqtt is { Qos: 1 } ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce,
            VibrationSamples = analytics.VibrationSamples,
            MqttReply = MqttReply.Analysis,
        };
    }

    private static DriverOutcome Outcome(LoadRun alone, LoadRun withAnalytics, LoadRun analysis)
    {
        var baseline = alone.Fleet.Merged!;
        var loaded = withAnalytics.Fleet.Merged!;
        var results = analysis.Fleet.Merged!;
        var metrics = LoadMetrics.Outcome(loaded);
        LoadMetrics.AddConnections(metrics, loaded);
        var baselineP99 = P99(baseline.Latency);
        var loadedP99 = P99(loaded.Latency);
        metrics[MetricNames.IngestP99Baseline] = baselineP99;
        metrics[MetricNames.IngestP99WithAnalytics] = loadedP99;
        if (baselineP99 > 0)
        {
            metrics[MetricNames.IngestSlowdown] = loadedP99 / baselineP99;
        }

        metrics[MetricNames.AnalysisThroughput] = results.AckRate;
        metrics[MetricNames.AnalysisErrorPercent] = LoadMetrics.ErrorPercent(results);
        if (results.Latency.TotalCount > 0)
        {
            metrics[MetricNames.AnalysisP50] = LoadMetrics.Milliseconds(results.Latency.ValueAtPercentile(50));
            metrics[MetricNames.AnalysisP99] = P99(results.Latency);
        }

        var offset = (withAnalytics.MeasureFrom - alone.MeasureFrom).TotalSeconds;
        var series = LoadMetrics.Series(baseline, 0, "alone.")
            .Concat(LoadMetrics.Series(loaded, offset, "with-analytics."))
            .Concat(LoadMetrics.Series(results, offset, "analysis."))
            .ToList();
        var saturation = new[] { baseline, loaded, results }.Select(LoadMetrics.Saturation).FirstOrDefault(s => s is not null);
        return new DriverOutcome(
            metrics,
            new Dictionary<string, LatencyHistogram> { ["ingest.alone"] = baseline.Latency, ["latency"] = loaded.Latency, ["analysis"] = results.Latency },
            series,
            saturation,
            null)
        {
            MeasureFrom = alone.MeasureFrom,
            MeasureTo = withAnalytics.MeasureTo,
        };
    }

    private static double P99(LatencyHistogram histogram) => histogram.TotalCount > 0 ? LoadMetrics.Milliseconds(histogram.ValueAtPercentile(99)) : 0;
}
