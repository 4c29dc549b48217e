using System.Text.Json.Nodes;
using Bench.Harness.Results;

namespace Bench.Harness.Reporting.Report;

/// <summary>
/// Builds charts.json from the model: per workload, the charts its metrics allow; then one time-series chart per
/// workload × scale × trial. Only valid ("ok") trials are plotted: saturated and failed cells would put the
/// generator's or a crash's figures on the same axes as real ones, so the report lists them instead.
/// </summary>
internal static partial class ChartSpecsBuilder
{
    public static ChartSet Build(ReportModel model)
    {
        var charts = new List<ChartDefinition>();
        foreach (var workload in model.Workloads)
        {
            charts.AddRange(WorkloadCharts(model, workload));
        }

        foreach (var workload in model.Workloads)
        {
            charts.AddRange(TimeSeriesCharts(model, workload));
        }

        return new ChartSet(Machine(model.Results.Environment), model.Backends, charts);
    }

    /// <summary>"Intel Xeon · 2 cores · 23.6 GiB · Debian GNU/Linux 12 (bookworm)": every chart title carries it.</summary>
    public static string Machine(EnvironmentManifest environment)
    {
        var parts = new List<string> { environment.CpuModel ?? "unknown CPU", environment.Cores == 1 ? "1 core" : $"{environment.Cores} cores" };
        if (environment.MemoryBytes is { } bytes)
        {
            parts.Add(ReportText.Gibibytes(bytes));
        }

        if (environment.Os is { } os)
        {
            parts.Add(os);
        }

        return string.Join(" · ", parts);
    }

    private static IEnumerable<ChartDefinition?> WorkloadChartsOrNull(ReportModel model, string workload)
    {
        var scales = model.ScalesOf(workload);
        var range = ReportText.DeviceRange(scales);
        if (workload != "cpu-jobs")
        {
            yield return ThroughputVsDevices(model, workload, range);
        }

        yield return LatencyVsDevices(model, workload, range);
        yield return MemoryVsDevices(model, workload, range);
        yield return MemoryPerConnection(model, workload, range);
        foreach (var scale in scales)
        {
            var groups = Valid(model.At(workload, scale));
            var text = ReportText.Devices(scale);
            yield return Spectrum(groups, workload, scale, text);
            yield return CpuByBackend(groups, workload, scale, text);
            yield return EventLoopBlocking(groups, workload, scale, text);
            yield return IngestionWithAnalytics(groups, workload, scale, text);
            yield return JobThroughput(groups, workload, scale, text);
        }
    }

    private static IEnumerable<ChartDefinition> WorkloadCharts(ReportModel model, string workload) =>
        WorkloadChartsOrNull(model, workload).OfType<ChartDefinition>();

    private static ChartDefinition? ThroughputVsDevices(ReportModel model, string workload, string range)
    {
        var rows = PerScaleRows(model, workload, MetricNames.Throughput, "throughput");
        return Chart($"throughput-{workload}", "throughput-vs-devices", "Throughput vs devices", workload, range, rows, UnitOption(workload));
    }

    // What one completed operation is in each workload: the throughput axes say it.
    private static JsonObject UnitOption(string workload) => new()
    {
        ["unit"] = workload switch { "http-ingest" => "req/s", "cpu-jobs" => "jobs/s", _ => "acknowledged readings/s" },
    };

    private static ChartDefinition? MemoryVsDevices(ReportModel model, string workload, string range) =>
        Chart($"memory-{workload}", "memory-vs-devices", "Backend memory (RSS, highest sample) vs devices", workload, range,
            PerScaleRows(model, workload, MetricNames.BackendRssMax, "rssMiB"));

    private static ChartDefinition? MemoryPerConnection(ReportModel model, string workload, string range) =>
        Chart($"memory-per-connection-{workload}", "memory-per-connection", "Memory per connection", workload, range,
            PerScaleRows(model, workload, MetricNames.BackendMemoryPerConnection, "kibPerConnection"));

    private static ChartDefinition? LatencyVsDevices(ReportModel model, string workload, string range)
    {
        var rows = new JsonArray();
        foreach (var group in Valid(model.Groups.Where(g => g.Workload == workload)))
        {
            var values = new[] { MetricNames.LatencyP50, MetricNames.LatencyP99, MetricNames.LatencyP999 }.Select(group.Evidence).ToArray();
            // The chart's axis is logarithmic: a zero percentile (nothing measured) cannot be placed on it.
            if (values.All(v => v is { Median: > 0 }))
            {
                rows.Add(Row(("backend", group.Backend), ("devices", group.Scale), ("p50Ms", values[0]!.Median), ("p99Ms", values[1]!.Median), ("p999Ms", values[2]!.Median)));
            }
        }

        return Chart($"latency-{workload}", "latency-percentiles-vs-devices", "Latency p50 / p99 / p99.9 vs devices", workload, range, rows);
    }

    private static ChartDefinition? CpuByBackend(IReadOnlyList<CellGroup> groups, string workload, int scale, string text)
    {
        var rows = new JsonArray();
        foreach (var group in groups)
        {
            if (group.Evidence(MetricNames.BackendCpuMean) is { } cpu)
            {
                rows.Add(WithSpread(Row(("backend", group.Backend), ("cpuPercent", cpu.Median)), cpu));
            }
        }

        return Chart($"cpu-{workload}-{scale}", "cpu-by-backend", "Backend CPU (mean)", workload, text, rows);
    }

    private static ChartDefinition? EventLoopBlocking(IReadOnlyList<CellGroup> groups, string workload, int scale, string text)
    {
        var rows = new JsonArray();
        foreach (var group in groups)
        {
            if (group.Evidence(MetricNames.HeartbeatP99Baseline) is { } alone && group.Evidence(MetricNames.HeartbeatP99WithJobs) is { } busy)
            {
                rows.Add(WithSpread(Row(("backend", group.Backend), ("withCpuJobs", false), ("heartbeatP99Ms", alone.Median)), alone));
                rows.Add(WithSpread(Row(("backend", group.Backend), ("withCpuJobs", true), ("heartbeatP99Ms", busy.Median)), busy));
            }
        }

        return Chart($"event-loop-{workload}-{scale}", "event-loop-blocking", "Heartbeat p99 with and without CPU jobs", workload, text, rows);
    }

    /// <summary>pipeline: ingestion ack p99 with and without analytics behind the broker (the event-loop chart, relabelled).</summary>
    private static ChartDefinition? IngestionWithAnalytics(IReadOnlyList<CellGroup> groups, string workload, int scale, string text)
    {
        var rows = new JsonArray();
        foreach (var group in groups)
        {
            if (group.Evidence(MetricNames.IngestP99Baseline) is { } alone && group.Evidence(MetricNames.IngestP99WithAnalytics) is { } busy)
            {
                rows.Add(WithSpread(Row(("backend", group.Backend), ("withCpuJobs", false), ("heartbeatP99Ms", alone.Median)), alone));
                rows.Add(WithSpread(Row(("backend", group.Backend), ("withCpuJobs", true), ("heartbeatP99Ms", busy.Median)), busy));
            }
        }

        var options = new JsonObject { ["load"] = "analytics", ["measure"] = "Ingestion ack latency p99 (ms)" };
        return Chart($"ingestion-{workload}-{scale}", "event-loop-blocking", "Ingestion ack p99 with and without analytics", workload, text, rows, options);
    }

    private static ChartDefinition? Chart(string id, string kind, string title, string workload, string scale, JsonArray rows, JsonObject? options = null) =>
        rows.Count == 0 ? null : new ChartDefinition(id, kind, title, workload, scale, rows, options);

    private static IReadOnlyList<CellGroup> Valid(IEnumerable<CellGroup> groups) => [.. groups.Where(g => g.Grade == EvidenceGrade.Valid)];

    private static JsonArray PerScaleRows(ReportModel model, string workload, string metric, string field)
    {
        var rows = new JsonArray();
        foreach (var group in Valid(model.Groups.Where(g => g.Workload == workload)))
        {
            if (group.Evidence(metric) is { } summary)
            {
                rows.Add(WithSpread(Row(("backend", group.Backend), ("devices", group.Scale), (field, summary.Median)), summary));
            }
        }

        return rows;
    }

    // The whiskers span the trials (min–max): with the 3–5 trials a load test affords there is no 95% interval to draw.
    private static JsonObject WithSpread(JsonObject row, MetricSummary summary)
    {
        if (summary.Count > 1)
        {
            row["low"] = summary.Summary.Min;
            row["high"] = summary.Summary.Max;
        }

        return row;
    }

    private static JsonObject Row(params (string Name, JsonNode? Value)[] fields)
    {
        var row = new JsonObject();
        foreach (var (name, value) in fields)
        {
            row[name] = value;
        }

        return row;
    }
}
