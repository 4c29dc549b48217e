namespace Bench.Harness.Results;

/// <summary>The descriptor of every name in <see cref="MetricNames"/>.</summary>
internal static class MetricDescriptors
{
    private static readonly Dictionary<string, MetricDescriptor> ByName = new(StringComparer.Ordinal)
    {
        [MetricNames.Throughput] = new("1/s", true, "Completed operations per second (requests, acknowledged readings or jobs)"),
        [MetricNames.Capacity] = new("req/s", true, "Highest ladder rate whose step met the SLO (p99 and error rate)"),
        [MetricNames.Requests] = new("count", true, "Operations sent during the measured phase"),
        [MetricNames.Errors] = new("count", false, "Operations that failed: error status, timeout, connection loss, or backpressure (not sent: the device's earlier sends were unanswered)"),
        [MetricNames.ErrorPercent] = new("%", false, "Failed operations as a share of those due: sent, or never sent because the device's earlier sends were unanswered or it had no connection"),
        [MetricNames.MissedSends] = new("count", false, "Scheduled sends the generator could not make on time (open model)"),
        [MetricNames.LatencyMean] = new("ms", false, "Mean latency from the intended send time"),
        [MetricNames.LatencyP50] = new("ms", false, "Median latency from the intended send time"),
        [MetricNames.LatencyP90] = new("ms", false, "90th percentile latency"),
        [MetricNames.LatencyP99] = new("ms", false, "99th percentile latency"),
        [MetricNames.LatencyP999] = new("ms", false, "99.9th percentile latency"),
        [MetricNames.LatencyMax] = new("ms", false, "Largest latency seen"),
        [MetricNames.ConnectP50] = new("ms", false, "Median time to open a device connection (and session)"),
        [MetricNames.ConnectP99] = new("ms", false, "99th percentile time to open a device connection"),
        [MetricNames.ConnectFailures] = new("count", false, "Device connections that failed or timed out"),
        [MetricNames.OpenConnections] = new("count", true, "Device connections open at the end of the measured phase"),
        [MetricNames.HeartbeatP99Baseline] = new("ms", false, "Heartbeat p99 latency while no jobs run"),
        [MetricNames.HeartbeatP99WithJobs] = new("ms", false, "Heartbeat p99 latency while analyze jobs run"),
        [MetricNames.HeartbeatSlowdown] = new("ratio", false, "Heartbeat p99 with jobs divided by without: 1 means jobs do not block I/O"),
        [MetricNames.IngestP99Baseline] = new("ms", false, "Ingestion ack p99 latency while no analytics run"),
        [MetricNames.IngestP99WithAnalytics] = new("ms", false, "Ingestion ack p99 latency while analytics run behind the broker"),
        [MetricNames.IngestSlowdown] = new("ratio", false, "Ingestion ack p99 with analytics divided by without: 1 means analytics do not disturb ingestion"),
        [MetricNames.AnalysisThroughput] = new("1/s", true, "Analysis results received per second"),
        [MetricNames.AnalysisP50] = new("ms", false, "Median analysis latency, device send to analysis result"),
        [MetricNames.AnalysisP99] = new("ms", false, "99th percentile analysis latency, device send to analysis result"),
        [MetricNames.AnalysisErrorPercent] = new("%", false, "Analytics readings whose result never came (timeouts and errors), percent of those sent"),
        [MetricNames.JobsThroughput] = new("jobs/s", true, "Analyze jobs completed per second"),
        [MetricNames.JobsP99] = new("ms", false, "99th percentile analyze job latency"),
        [MetricNames.BackendStartup] = new("ms", false, "From process start to the ready line"),
        [MetricNames.BackendCpuMean] = new("%", false, "Backend tree CPU, mean, percent of one core"),
        [MetricNames.BackendCpuMax] = new("%", false, "Backend tree CPU, highest 1 s sample, percent of one core"),
        [MetricNames.BackendCpuSecondsPerThousand] = new("cpu-s", false, "Backend CPU seconds per 1000 completed operations"),
        [MetricNames.BackendRssMean] = new("MiB", false, "Backend tree resident memory, mean (shared pages counted per process)"),
        [MetricNames.BackendRssMax] = new("MiB", false, "Backend tree resident memory, highest sample"),
        [MetricNames.BackendPssMean] = new("MiB", false, "Backend tree proportional memory, mean (shared pages split among sharers)"),
        [MetricNames.BackendPssMax] = new("MiB", false, "Backend tree proportional memory, highest sample"),
        [MetricNames.BackendThreadsMax] = new("count", false, "Backend tree threads, highest sample"),
        [MetricNames.BackendOpenFilesMax] = new("count", false, "Backend tree open file descriptors, highest sample"),
        [MetricNames.BackendProcessesMax] = new("count", false, "Backend tree processes, highest sample"),
        [MetricNames.BackendMemoryPerConnection] = new("KiB", false, "Slope of backend RSS against open connections over the connection ramp"),
        [MetricNames.BrokerMemoryPerConnection] = new("KiB", false, "Slope of the brokers' summed RSS against open device connections over the connection ramp (MQTT fleets: the brokers hold the devices' connections)"),
        [MetricNames.BrokerCpuMean] = new("%", false, "Broker CPU, mean, percent of one core"),
        [MetricNames.BrokerCpuMax] = new("%", false, "Broker CPU, highest 1 s sample, percent of one core"),
        [MetricNames.BrokerRssMax] = new("MiB", false, "Broker resident memory, highest sample"),
        [MetricNames.BrokerPssMax] = new("MiB", false, "Broker proportional memory, highest sample"),
        [MetricNames.GeneratorCpuMean] = new("%", false, "Load generator CPU, mean, percent of one core: near the core count means it was the bottleneck"),
        [MetricNames.GeneratorCpuMax] = new("%", false, "Load generator CPU, highest 1 s sample, percent of one core"),
        [MetricNames.GeneratorRssMax] = new("MiB", false, "Load generator resident memory, highest sample"),
        [MetricNames.GeneratorCpuSetBusy] = new("%", false, "Busy share of the CPUs the load agents (and brokers) are pinned to, median second of the measured phase; 90% or more marks the cell saturated"),
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The descriptor of <paramref name="name"/>; an unknown name is a programming error (add it to <see cref="MetricNames"/>).</summary>
    public static MetricDescriptor For(string name) =>
        ByName.TryGetValue(name, out var descriptor) ? descriptor
        : name.StartsWith(MetricNames.JobsThroughputPrefix, StringComparison.Ordinal) ? new("jobs/s", true, $"Analyze jobs of {name[MetricNames.JobsThroughputPrefix.Length..]} samples completed per second")
        : name.StartsWith(MetricNames.JobsP99Prefix, StringComparison.Ordinal) ? new("ms", false, $"99th percentile latency of analyze jobs of {name[MetricNames.JobsP99Prefix.Length..]} samples")
        : MetricNames.ErrorKindMeaning(name) is { } meaning ? new("count", false, $"Errors of this kind over the measured phase: {meaning}")
        : throw new ArgumentException($"'{name}' is not in MetricNames", nameof(name));
}
