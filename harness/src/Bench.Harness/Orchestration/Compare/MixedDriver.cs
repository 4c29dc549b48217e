using Bench.Harness.Agents;
using Bench.Harness.Results;
using Bench.Load.Engine;
using Bench.Load.Recording;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// mixed, the event-loop-blocking test: WebSocket heartbeats alone, then the same heartbeats while analyze jobs
/// (the workload's largest size, the one that blocks longest) arrive at the workload's rate. The heartbeat p99 of the
/// two phases, and their ratio, show whether CPU work on the request path stalls every other connection.
/// </summary>
internal sealed class MixedDriver : IWorkloadDriver
{
    public async Task<DriverOutcome> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        var fleet = context.Workload.Fleet!;
        var jobs = context.Workload.Jobs!;
        var devices = context.Cell.Scale;
        await using var heartbeats = await LoadSession.StartAsync(
            context, new FleetDemand(devices, devices / fleet.SendInterval.TotalSeconds, devices, ConnectionPerDevice: true), cancellationToken).ConfigureAwait(false);
        await using var jobSession = await LoadSession.StartAsync(
            context, new FleetDemand(1, jobs.Rate, CpuJobsDriver.Connections(jobs.Rate, jobs.RequestTimeout), ConnectionPerDevice: false), cancellationToken).ConfigureAwait(false);
        var fleetDriver = new FleetDriver(LoadProtocol.WebSocket);

        var alone = await heartbeats.RunAsync(a => fleetDriver.Spec(context, a, heartbeats.Plan.Agents.Count), "heartbeats alone", null, cancellationToken).ConfigureAwait(false);
        if (alone.Problem is { } aloneProblem)
        {
            return FleetDriver.Failed(aloneProblem, alone);
        }

        var size = jobs.Sizes.Max();
        var duration = Phases.Whole(context.Durations.Measure);
        // The jobs start once the heartbeat devices have reconnected and are sending, so the jobs' measured window and
        // the heartbeats' cover the same seconds.
        var (withJobs, jobsResult) = await LoadSession.AlongsideAsync(
            sending => heartbeats.RunAsync(a => fleetDriver.Spec(context, a, heartbeats.Plan.Agents.Count), "heartbeats + jobs", null, cancellationToken, sending),
            () => jobSession.RunAsync(a => CpuJobsDriver.Spec(context, a, size, duration, warm: true), "jobs", null, cancellationToken)).ConfigureAwait(false);
        if ((withJobs.Problem ?? jobsResult?.Problem) is { } problem)
        {
            return FleetDriver.Failed(problem, withJobs);
        }

        if (jobsResult is null)
        {
            return FleetDriver.Failed("the heartbeat devices ended before they were all connected and sending", withJobs);
        }

        return Outcome(alone, withJobs, jobsResult, size);
    }

    private static DriverOutcome Outcome(LoadRun alone, LoadRun withJobs, LoadRun jobs, int size)
    {
        var baseline = alone.Fleet.Merged!;
        var loaded = withJobs.Fleet.Merged!;
        var jobResult = jobs.Fleet.Merged!;
        var metrics = LoadMetrics.Outcome(loaded);
        LoadMetrics.AddConnections(metrics, loaded);
        var baselineP99 = P99(baseline.Latency);
        var loadedP99 = P99(loaded.Latency);
        metrics[MetricNames.HeartbeatP99Baseline] = baselineP99;
        metrics[MetricNames.HeartbeatP99WithJobs] = loadedP99;
        if (baselineP99 > 0)
        {
            metrics[MetricNames.HeartbeatSlowdown] = loadedP99 / baselineP99;
        }

        metrics[MetricNames.JobsThroughput] = jobResult.AckRate;
        metrics[MetricNames.JobsThroughputFor(size)] = jobResult.AckRate;
        if (jobResult.Latency.TotalCount > 0)
        {
            metrics[MetricNames.JobsP99] = P99(jobResult.Latency);
        }

        var offset = (withJobs.MeasureFrom - alone.MeasureFrom).TotalSeconds;
        var series = LoadMetrics.Series(baseline, 0, "alone.").Concat(LoadMetrics.Series(loaded, offset, "with-jobs.")).ToList();
        var saturation = new[] { baseline, loaded, jobResult }.Select(LoadMetrics.Saturation).FirstOrDefault(s => s is not null);
        return new DriverOutcome(
            metrics,
            new Dictionary<string, LatencyHistogram> { ["heartbeat.alone"] = baseline.Latency, ["latency"] = loaded.Latency, ["jobs"] = jobResult.Latency },
            series,
            saturation,
            null)
        {
            MeasureFrom = alone.MeasureFrom,
            MeasureTo = withJobs.MeasureTo,
        };
    }

    private static double P99(LatencyHistogram histogram) => histogram.TotalCount > 0 ? LoadMetrics.Milliseconds(histogram.ValueAtPercentile(99)) : 0;
}
