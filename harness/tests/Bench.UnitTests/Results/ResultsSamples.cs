using Bench.Harness.Results;
using Bench.Load.Recording;

namespace Bench.UnitTests.Results;

/// <summary>Small, fully populated results values for writer and reader tests.</summary>
internal static class ResultsSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static EnvironmentManifest Environment() => new(
        "Debian GNU/Linux 12 (bookworm)",
        "6.1.0-18-amd64",
        "AMD EPYC 7B13",
        2,
        24L << 30,
        new OpenFilesLimit(20000, 20000),
        new Dictionary<string, string?> { ["dotnet"] = "10.0.100", ["node"] = "20.19.2", ["python"] = null },
        new Dictionary<string, string?> { ["npm:fastify"] = "5.12.8", ["deb:mosquitto"] = "2.0.11-1.2+deb12u2" },
        new GitState("0123456789abcdef0123456789abcdef01234567", Dirty: true),
        "bench compare --profile quick");

    public static CellResult Cell(string backend, int trial = 1, double p99 = 12.5) => new(
        backend,
        "ws-fleet",
        1000,
        trial,
        CellStatus.Ok,
        Start.AddSeconds(20 * trial),
        18.25,
        new Dictionary<string, MetricValue>
        {
            [MetricNames.LatencyP99] = MetricValue.Of(MetricNames.LatencyP99, p99),
            [MetricNames.BackendRssMax] = MetricValue.Of(MetricNames.BackendRssMax, 81.5),
        },
        new Dictionary<string, HistogramRecord> { ["latency"] = new("ns", LatencyHistogramBase64()) },
        [new TimeSeries("backend.cpu", "%", [1, 2, 3], [40.5, 55, 61.25])]);

    public static CellResult Crashed(string backend) => new(
        backend,
        "mixed",
        1000,
        1,
        CellStatus.Crashed,
        Start.AddMinutes(2),
        4.5,
        new Dictionary<string, MetricValue>(),
        new Dictionary<string, HistogramRecord>(),
        [],
        new CellFailure("exited during the measured phase", 137, ["analyze: worker 2 died", "Killed"]));

    /// <summary>A real histogram from the load engine: 1000 values of 1..1000 µs, in nanoseconds.</summary>
    public static string LatencyHistogramBase64()
    {
        var histogram = new LatencyHistogram();
        for (var micros = 1; micros <= 1000; micros++)
        {
            histogram.Record(micros * 1000L);
        }

        return HistogramEncoding.EncodeCompressedBase64(histogram);
    }
}
