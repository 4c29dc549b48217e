using Bench.Load.Recording;

namespace Bench.Harness.Results;

/// <summary>
/// Every metric name a results file may hold, in one place. Names are dotted, lowercase and stable: the report
/// and the regression gate find metrics by these strings. <see cref="MetricDescriptors"/> gives each one its
/// unit, direction and meaning.
/// </summary>
internal static class MetricNames
{
    // Load outcome. Latencies are from the intended send time (open model) or the send (closed model).
    public const string Throughput = "throughput";
    public const string Capacity = "capacity";
    public const string Requests = "requests";
    public const string Errors = "errors";
    public const string ErrorPercent = "errors.percent";
    public const string MissedSends = "sends.missed";
    public const string LatencyMean = "latency.mean";
    public const string LatencyP50 = "latency.p50";
    public const string LatencyP90 = "latency.p90";
    public const string LatencyP99 = "latency.p99";
    public const string LatencyP999 = "latency.p999";
    public const string LatencyMax = "latency.max";

    // Fleets: connection set-up.
    public const string ConnectP50 = "connect.p50";
    public const string ConnectP99 = "connect.p99";
    public const string ConnectFailures = "connect.failures";
    public const string OpenConnections = "connections.open";

    // mixed: the event-loop-blocking test.
    public const string HeartbeatP99Baseline = "heartbeat.p99.baseline";
    public const string HeartbeatP99WithJobs = "heartbeat.p99.with-jobs";
    public const string HeartbeatSlowdown = "heartbeat.p99.slowdown";

    // pipeline: ingestion acks with and without analytics behind the broker, and the analysis results.
    public const string IngestP99Baseline = "ingest.p99.baseline";
    public const string IngestP99WithAnalytics = "ingest.p99.with-analytics";
    public const string IngestSlowdown = "ingest.p99.slowdown";
    public const string AnalysisThroughput = "analysis.throughput";
    public const string AnalysisP50 = "analysis.p50";
    public const string AnalysisP99 = "analysis.p99";
    public const string AnalysisErrorPercent = "analysis.errors.percent";

    // cpu-jobs and mixed.
    public const string JobsThroughput = "jobs.throughput";
    public const string JobsP99 = "jobs.p99";

    /// <summary>Per job size (cpu-jobs runs each size on its own): <c>jobs.throughput.n4096</c>.</summary>
    public static readonly string JobsThroughputPrefix = "jobs.throughput.n";
    public static readonly string JobsP99Prefix = "jobs.p99.n";

    public static string JobsThroughputFor(int size) => JobsThroughputPrefix + size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string JobsP99For(int size) => JobsP99Prefix + size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Errors of one kind over the measured phase (only kinds that occurred are written): <c>errors.timeout</c>.</summary>
    public static readonly string ErrorsOfKindPrefix = "errors.";

    /// <summary>Each kind as written in metric names, and what it counts (the metric's description).</summary>
    private static readonly Dictionary<ErrorKind, (string Name, string Meaning)> ErrorKinds = new()
    {
        [ErrorKind.Connect] = ("connect", "connections that could not be opened (refused, handshake or CONNACK failure)"),
        [ErrorKind.Timeout] = ("timeout", "sends (or connects) not answered within the timeout"),
        [ErrorKind.Rejected] = ("rejected", "sends the backend rejected as invalid"),
        [ErrorKind.ServerError] = ("server-error", "sends the backend failed (HTTP 5xx)"),
        [ErrorKind.ConnectionLost] = ("connection-lost", "sends in flight when their connection closed or reset, or due while it was closed"),
        [ErrorKind.Protocol] = ("protocol", "answers that broke the contract or protocol"),
        [ErrorKind.Other] = ("other", "other failures"),
        [ErrorKind.Backpressure] = ("backpressure", "sends never made because the device's earlier sends were all unanswered"),
    };

    public static string ErrorsOf(ErrorKind kind) => ErrorsOfKindPrefix + ErrorKinds[kind].Name;

    /// <summary>What <c>errors.KIND</c> counts, or null when <paramref name="name"/> is not one of them.</summary>
    public static string? ErrorKindMeaning(string name) =>
        ErrorKinds.Values.FirstOrDefault(k => ErrorsOfKindPrefix + k.Name == name).Meaning;

    // The backend's process tree (every worker included), over the measured phase.
    public const string BackendStartup = "backend.startup";
    public const string BackendCpuMean = "backend.cpu.mean";
    public const string BackendCpuMax = "backend.cpu.max";
    public const string BackendCpuSecondsPerThousand = "backend.cpu.seconds-per-1k";
    public const string BackendRssMean = "backend.rss.mean";
    public const string BackendRssMax = "backend.rss.max";
    public const string BackendPssMean = "backend.pss.mean";
    public const string BackendPssMax = "backend.pss.max";
    public const string BackendThreadsMax = "backend.threads.max";
    public const string BackendOpenFilesMax = "backend.fds.max";
    public const string BackendProcessesMax = "backend.processes.max";
    public const string BackendMemoryPerConnection = "backend.memory-per-connection";
    public const string BrokerMemoryPerConnection = "broker.memory-per-connection";

    // The broker (mosquitto) and the generator (the harness and its load agents), sampled apart from the backend.
    public const string BrokerCpuMean = "broker.cpu.mean";
    public const string BrokerCpuMax = "broker.cpu.max";
    public const string BrokerRssMax = "broker.rss.max";
    public const string BrokerPssMax = "broker.pss.max";
    public const string GeneratorCpuMean = "generator.cpu.mean";
    public const string GeneratorCpuMax = "generator.cpu.max";
    public const string GeneratorRssMax = "generator.rss.max";
    public const string GeneratorCpuSetBusy = "generator.cpuset.busy";
}
