using Bench.Harness.Results;
using Bench.Harness.Sampling;
using Bench.Load.Recording;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>Assembles a cell's result: the driver's figures, the three process trees' resources over the measured window, histograms and series.</summary>
internal static class CellResults
{
    public static CellResult From(
        CellPlan cell, DateTimeOffset startedAt, TimeSpan elapsed, TimeSpan startup, DriverOutcome outcome, ResourceMonitor monitor,
        int? crashExitCode, IReadOnlyList<string> lastLines)
    {
        var metrics = new Dictionary<string, MetricValue>(StringComparer.Ordinal)
        {
            [MetricNames.BackendStartup] = MetricValue.Of(MetricNames.BackendStartup, startup.TotalMilliseconds),
        };
        foreach (var (name, value) in outcome.Metrics)
        {
            metrics[name] = MetricValue.Of(name, value);
        }

        var completed = (long)(outcome.Metrics.GetValueOrDefault(MetricNames.Throughput) * (outcome.MeasureTo - outcome.MeasureFrom).TotalSeconds);
        Add(metrics, ResourceMetrics.Backend(monitor.Summarize(Sources.Backend, outcome.MeasureFrom, outcome.MeasureTo), completed));
        Add(metrics, ResourceMetrics.Generator(monitor.Summarize(Sources.Generator, outcome.MeasureFrom, outcome.MeasureTo)));
        if (monitor.Samples(Sources.Broker).Count > 0)
        {
            Add(metrics, ResourceMetrics.Broker(monitor.Summarize(Sources.Broker, outcome.MeasureFrom, outcome.MeasureTo)));
        }

        if (outcome.Connections.Count > 0
            && MemoryPerConnection.Estimate(monitor.Samples(Sources.Backend), outcome.Connections, startedAt, outcome.MeasureFrom) is { } fit)
        {
            Add(metrics, [ResourceMetrics.PerConnection(fit)]);
        }

        // An MQTT fleet's device connections end at the broker(s), so their memory per connection is the brokers'.
        if (outcome.Connections.Count > 0 && monitor.Samples(Sources.Broker).Count > 0
            && MemoryPerConnection.Estimate(monitor.Samples(Sources.Broker), outcome.Connections, startedAt, outcome.MeasureFrom) is { } brokerFit)
        {
            Add(metrics, [ResourceMetrics.PerConnection(brokerFit, MetricNames.BrokerMemoryPerConnection)]);
        }

        var series = outcome.Series
            .Concat(new[] { Sources.Backend, Sources.Broker, Sources.Generator }.SelectMany(s => ResourceMetrics.Series(s, monitor.Samples(s), startedAt)))
            .Where(s => s.Values.Count > 0)
            .ToList();
        var histograms = outcome.Histograms
            .Where(h => h.Value.TotalCount > 0)
            .ToDictionary(h => h.Key, h => new HistogramRecord("us", HistogramEncoding.EncodeCompressedBase64(h.Value)));
        var (status, failure) = Status(outcome, crashExitCode, lastLines);
        return new CellResult(cell.Backend.Name, cell.Workload.Name, cell.Scale, cell.Trial, status, startedAt, elapsed.TotalSeconds, metrics, histograms, series, failure);
    }

    private static (CellStatus, CellFailure?) Status(DriverOutcome outcome, int? crashExitCode, IReadOnlyList<string> lastLines) =>
        crashExitCode is { } code ? (CellStatus.Crashed, new CellFailure($"the backend exited with code {code} under load", code, lastLines))
        : outcome.Problem is { } problem ? (CellStatus.Failed, new CellFailure(problem, null, lastLines))
        : outcome.Saturation is { } reason ? (CellStatus.Saturated, new CellFailure($"generator saturated: {reason}", null, []))
        : (CellStatus.Ok, null);

    /// <summary>A window with no samples yields NaN; JSON has no NaN, and a missing figure is more honest than a made-up one.</summary>
    private static void Add(Dictionary<string, MetricValue> metrics, IEnumerable<KeyValuePair<string, MetricValue>> values)
    {
        foreach (var (name, value) in values)
        {
            if (double.IsFinite(value.Value))
            {
                metrics[name] = value;
            }
        }
    }
}
