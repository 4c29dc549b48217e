using Bench.Load.Recording;
using BenchmarkDotNet.Attributes;

namespace Bench.Micro.HotPaths;

/// <summary>
/// Recording one latency: the single-writer histogram against the many-writer recorder the load engine uses
/// (interlocked add under a writer-reader phaser). Per value; latencies spread 50 µs .. 500 ms like a real run.
/// </summary>
public class HistogramBenchmarks
{
    private const int Values = 1024;
    private readonly LatencyHistogram _histogram = new();
    private readonly LatencyRecorder _recorder = new();
    private long[] _microseconds = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        // Log-uniform, so every magnitude band of the histogram is touched.
        _microseconds = [.. Enumerable.Range(0, Values).Select(_ => (long)Math.Exp(Math.Log(50) + (random.NextDouble() * Math.Log(10_000))))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Values)]
    public void HistogramRecord()
    {
        foreach (var value in _microseconds)
            _histogram.Record(value);
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public void RecorderRecord()
    {
        foreach (var value in _microseconds)
            _recorder.Record(value);
    }
}
