using System.Text.Json.Serialization;

namespace Bench.Harness.Results;

/// <summary>One cell of a run: one backend × workload × device scale × trial.</summary>
/// <param name="Backend">Backend name from workloads/backends.yaml.</param>
/// <param name="Workload">Workload name (its file name).</param>
/// <param name="Scale">Simulated devices.</param>
/// <param name="Trial">1-based trial number.</param>
/// <param name="Status">How the cell ended.</param>
/// <param name="StartedAt">When the cell started (UTC).</param>
/// <param name="DurationSeconds">Wall time of the whole cell, start-up included.</param>
/// <param name="Metrics">Metric name (see <see cref="MetricNames"/>) → value with descriptor.</param>
/// <param name="Histograms">Histogram name (for example <c>latency</c>) → encoded histogram of the measured phase.</param>
/// <param name="Series">Time series over the cell (resources at 1 Hz, throughput per second).</param>
/// <param name="Failure">Why the cell is not ok; null when it is.</param>
internal sealed record CellResult(
    string Backend,
    string Workload,
    int Scale,
    int Trial,
    CellStatus Status,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    IReadOnlyDictionary<string, MetricValue> Metrics,
    IReadOnlyDictionary<string, HistogramRecord> Histograms,
    IReadOnlyList<TimeSeries> Series,
    CellFailure? Failure = null)
{
    /// <summary>The cell's identity, for messages; not written (backend, workload, scale and trial are).</summary>
    [JsonIgnore]
    public string Key => $"{Backend}/{Workload}/{Scale}/{Trial}";

    /// <summary>
    /// The backend's {workers} in this cell: backends.yaml's count, or more for a backend with the worker-scaling
    /// feature when the fleet needs more processes (one holds at most its descriptor limit's connections). Null in
    /// results written before it was recorded.
    /// </summary>
    public int? Workers { get; init; }

    /// <summary>mosquitto instances the cell ran (the MQTT fleet spread over them); null when it ran none.</summary>
    public int? Brokers { get; init; }
}
