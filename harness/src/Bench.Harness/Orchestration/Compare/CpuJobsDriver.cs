using Bench.Harness.Agents;
using Bench.Harness.Results;
using Bench.Load.Engine;
using Bench.Load.Recording;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>cpu-jobs: analyze jobs at a fixed arrival rate, one measured run per job size; throughput and p99 per size.</summary>
internal sealed class CpuJobsDriver : IWorkloadDriver
{
    public async Task<DriverOutcome> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        var jobs = context.Workload.Jobs!;
        var demand = new FleetDemand(1, jobs.Rate, Connections(jobs.Rate, jobs.RequestTimeout), ConnectionPerDevice: false);
        await using var session = await LoadSession.StartAsync(context, demand, cancellationToken).ConfigureAwait(false);
        var perSize = Phases.Whole(context.Durations.Measure / jobs.Sizes.Count);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var histograms = new Dictionary<string, LatencyHistogram>(StringComparer.Ordinal);
        var series = new List<TimeSeries>();
        var all = new List<LoadResult>();
        LoadRun? first = null, last = null;
        foreach (var size in jobs.Sizes)
        {
            var warm = first is null;
            var run = await session.RunAsync(a => Spec(context, a, size, perSize, warm), $"analyze n={size}", null, cancellationToken).ConfigureAwait(false);
            first ??= run;
            last = run;
            if (run.Problem is { } problem)
            {
                return FleetDriver.Failed(problem, run);
            }

            var result = run.Fleet.Merged!;
            all.Add(result);
            metrics[MetricNames.JobsThroughputFor(size)] = result.AckRate;
            if (result.Latency.TotalCount > 0)
            {
                metrics[MetricNames.JobsP99For(size)] = LoadMetrics.Milliseconds(result.Latency.ValueAtPercentile(99));
            }

            histograms[$"jobs.n{size}"] = result.Latency;
            series.AddRange(LoadMetrics.Series(result, (run.MeasureFrom - first.MeasureFrom).TotalSeconds, $"n{size}."));
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        var merged = LoadResult.Merge(all);
        foreach (var (name, value) in LoadMetrics.Outcome(merged))
        {
            metrics[name] = value;
        }

        // The sizes ran one after another: the rate is all jobs over all their windows (Merge treats results as concurrent).
        metrics[MetricNames.JobsThroughput] = metrics[MetricNames.Throughput] = all.Sum(r => r.Acked) / all.Sum(r => r.MeasuredDuration.TotalSeconds);
        if (merged.Latency.TotalCount > 0)
        {
            metrics[MetricNames.JobsP99] = LoadMetrics.Milliseconds(merged.Latency.ValueAtPercentile(99));
        }

        histograms["latency"] = merged.Latency;
        var saturation = all.Select(LoadMetrics.Saturation).FirstOrDefault(s => s is not null);
        return new DriverOutcome(metrics, histograms, series, saturation, null) { MeasureFrom = first!.MeasureFrom, MeasureTo = last!.MeasureTo };
    }

    /// <summary>
    /// Enough connections that the offered rate is not throttled by the pool while jobs wait, up to the request timeout
    /// (Little's law: rate × the longest a job may take), at most 256. With fewer, a backend that answers slowly holds
    /// every connection and the due jobs wait in the generator, which then reads as the generator's lag.
    /// </summary>
    internal static int Connections(double rate, TimeSpan timeout) => (int)Math.Clamp(Math.Ceiling(rate * timeout.TotalSeconds), 4, 256);

    internal static OpenLoadSpec Spec(CellContext context, AgentAssignment agent, int size, TimeSpan duration, bool warm)
    {
        var jobs = context.Workload.Jobs!;
        return new OpenLoadSpec
        {
            Protocol = LoadProtocol.Http,
            Operation = LoadOperation.Analyze,
            AnalyzeSamples = size,
            Target = context.Target,
            Rate = agent.RatePerSecond,
            Devices = 1,
            Connections = Math.Max(1, agent.Connections),
            MaxInFlight = Math.Max(16, (int)(agent.RatePerSecond * jobs.RequestTimeout.TotalSeconds)),
            SourceAddress = agent.SourceAddress,
            // Each size opens a fresh connection pool: a second at its own rate keeps that cold start out of the window.
            WarmUp = warm ? Phases.Whole(context.Durations.Warmup) : TimeSpan.FromSeconds(1),
            Duration = duration,
            SendTimeout = jobs.RequestTimeout,
        };
    }
}
