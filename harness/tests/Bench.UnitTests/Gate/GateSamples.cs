using Bench.Harness.Gate;
using Bench.Harness.Results;
using Bench.UnitTests.Results;

namespace Bench.UnitTests.Gate;

/// <summary>Runs and baselines built in memory: three trials of ws-fleet at 20 devices for node and python.</summary>
internal static class GateSamples
{
    public static readonly double[] P99 = [5.0, 5.2, 5.1];
    public static readonly double[] Rss = [50.0, 50.5, 50.2];

    /// <summary>A complete run; <paramref name="nodeP99Factor"/> plants a latency change in node's cells.</summary>
    public static ResultsDocument Run(double nodeP99Factor = 1, string profile = "ci", EnvironmentManifest? environment = null) =>
        Document(profile, environment, [.. Trials("node", nodeP99Factor), .. Trials("python", 1)]);

    public static ResultsDocument Document(string profile, EnvironmentManifest? environment, IReadOnlyList<CellResult> cells) => new(
        ResultsDocument.CurrentSchemaVersion,
        Partial: false,
        profile,
        ResultsSamples.Start,
        ResultsSamples.Start.AddMinutes(8),
        Interruption: null,
        environment ?? ResultsSamples.Environment(),
        new Dictionary<string, string> { ["trials"] = "3" },
        cells);

    public static Baseline Baseline(ResultsDocument? results = null) =>
        new("results/baselines/ci.json", results ?? Run(), new BaselineOrigin(ResultsSamples.Start.AddMinutes(9), "20260301T093000Z-ci", "AMD EPYC 7B13, 2 CPUs, 24 GiB", "0123456789abcdef0123456789abcdef01234567", true));

    public static IEnumerable<CellResult> Trials(string backend, double p99Factor, string workload = "ws-fleet") =>
        Enumerable.Range(0, 3).Select(i => Cell(backend, workload, i + 1, P99[i] * p99Factor, Rss[i]));

    public static CellResult Cell(string backend, string workload, int trial, double p99, double rss, CellStatus status = CellStatus.Ok) => new(
        backend,
        workload,
        20,
        trial,
        status,
        ResultsSamples.Start.AddSeconds(10 * trial),
        11,
        new Dictionary<string, MetricValue>
        {
            [MetricNames.Throughput] = MetricValue.Of(MetricNames.Throughput, 4),
            [MetricNames.LatencyP99] = MetricValue.Of(MetricNames.LatencyP99, p99),
            [MetricNames.LatencyMax] = MetricValue.Of(MetricNames.LatencyMax, p99 * 3), // not gated: never shown
            [MetricNames.BackendRssMax] = MetricValue.Of(MetricNames.BackendRssMax, rss),
        },
        new Dictionary<string, HistogramRecord> { ["latency"] = new("ns", "HISTFAAAAB") },
        [new TimeSeries("backend.cpu", "%", [1, 2], [40, 50])],
        status == CellStatus.Ok ? null : new CellFailure("generator saturated: 27 of 500 sends late", null, []));
}
