using System.Globalization;
using Bench.Harness.Agents;
using Bench.Harness.Results;
using Bench.Load.Engine;
using Bench.Load.Recording;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// http-ingest: an open-model ladder of arrival rates on POST /telemetry. Capacity is the highest rate whose step met
/// the SLO (p99 from the intended send time, and the error rate); the ladder stops at the first step that does not,
/// since every later step only adds load. A step the generator could not drive makes capacity a lower bound: the cell
/// is then marked saturated, never reported as the backend's limit.
/// </summary>
internal sealed class HttpIngestDriver : IWorkloadDriver
{
    public async Task<DriverOutcome> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        var http = context.Workload.Http!;
        var rates = context.Workload.Ladder!.Rates;
        var devices = context.Cell.Scale;
        var demand = new FleetDemand(devices, rates[^1], http.Connections, ConnectionPerDevice: false);
        await using var session = await LoadSession.StartAsync(context, demand, cancellationToken).ConfigureAwait(false);

        var steps = new List<(double Rate, LoadResult Result, DateTimeOffset End)>();
        LoadRun? first = null, last = null;
        (double Rate, LoadResult Result)? best = null;
        string? saturation = null;
        for (var i = 0; i < rates.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            var rate = rates[i];
            var warm = i == 0;
            var run = await session.RunAsync(a => Spec(context, a, rate, warm), $"{rate:0} req/s", null, cancellationToken).ConfigureAwait(false);
            first ??= run;
            last = run;
            if (run.Problem is { } problem)
            {
                return FleetDriver.Failed(problem, run);
            }

            var result = run.Fleet.Merged!;
            steps.Add((rate, result, run.MeasureTo));
            var p99 = TimeSpan.FromMicroseconds(result.Latency.TotalCount > 0 ? result.Latency.ValueAtPercentile(99) : 0);
            var metSlo = context.Profile.Slo.IsMetBy(p99, LoadMetrics.ErrorPercent(result)) && result.Latency.TotalCount > 0;
            if (StepSaturation(result, metSlo) is { } reason)
            {
                saturation = string.Create(CultureInfo.InvariantCulture, $"at {rate:0} req/s: {reason}; capacity is a lower bound");
                break;
            }

            if (!metSlo)
            {
                break;
            }

            best = (rate, result);
        }

        var chosen = best ?? (steps[0].Rate, steps[0].Result);
        var metrics = LoadMetrics.Outcome(chosen.Result);
        metrics[MetricNames.Capacity] = best?.Rate ?? 0;
        return new DriverOutcome(
            metrics,
            new Dictionary<string, LatencyHistogram> { ["latency"] = chosen.Result.Latency },
            LadderSeries(steps, first!.MeasureFrom).ToList(),
            saturation,
            null)
        {
            MeasureFrom = first.MeasureFrom,
            MeasureTo = last!.MeasureTo,
        };
    }

    /// <summary>
    /// Whether a step measured the generator rather than the backend. A busy generator CPU always counts. Sends held
    /// back because every pooled connection was waiting on the backend count only when the step still met the SLO: past
    /// the SLO they are the backend's queueing, already in the latency measured from each send's intended time (wrk2's
    /// rule), and the ladder ends there anyway.
    /// </summary>
    internal static string? StepSaturation(LoadResult result, bool metSlo)
    {
        if (metSlo)
        {
            return LoadMetrics.Saturation(result);
        }

        var cpuOnly = Bench.Load.Monitoring.GeneratorSaturation.Evaluate(result.GeneratorCpu, result.Sent, 0, result.Dropped);
        return cpuOnly.IsSaturated ? cpuOnly.Reason : null;
    }

    private static OpenLoadSpec Spec(CellContext context, AgentAssignment agent, double rate, bool warm)
    {
        var http = context.Workload.Http!;
        var share = agent.Devices / (double)context.Cell.Scale;
        return new OpenLoadSpec
        {
            Protocol = LoadProtocol.Http,
            Operation = LoadOperation.Telemetry,
            Target = context.Target,
            Rate = rate * share,
            Devices = agent.Devices,
            Connections = Math.Max(1, agent.Connections),
            MaxInFlight = Math.Max(64, (int)(rate * share * http.RequestTimeout.TotalSeconds)),
            DeviceIdOffset = agent.DeviceOffset,
            DeviceIdPrefix = $"ingest-t{context.Cell.Trial}-",
            SourceAddress = agent.SourceAddress,
            // Every step opens a fresh connection pool; a second at the step's own rate keeps its cold start out of it.
            WarmUp = warm ? Phases.Whole(context.Durations.Warmup) : TimeSpan.FromSeconds(1),
            Duration = Phases.Whole(context.Durations.LadderStep),
            SendTimeout = http.RequestTimeout,
        };
    }

    /// <summary>Each step as a point at its end time: the rate offered, the rate served, its p99 and its error rate.</summary>
    private static IEnumerable<TimeSeries> LadderSeries(List<(double Rate, LoadResult Result, DateTimeOffset End)> steps, DateTimeOffset start)
    {
        var seconds = steps.Select(s => (s.End - start).TotalSeconds).ToList();
        yield return new TimeSeries("ladder.offered", "req/s", seconds, steps.Select(s => s.Rate).ToList());
        yield return new TimeSeries("ladder.throughput", "1/s", seconds, steps.Select(s => s.Result.AckRate).ToList());
        yield return new TimeSeries("ladder.p99", "ms", seconds, steps.Select(s => LoadMetrics.Milliseconds(s.Result.Latency.TotalCount > 0 ? s.Result.Latency.ValueAtPercentile(99) : 0)).ToList());
        yield return new TimeSeries("ladder.errors-percent", "%", seconds, steps.Select(s => LoadMetrics.ErrorPercent(s.Result)).ToList());
    }
}
