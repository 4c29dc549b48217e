using Bench.Load.Engine;
using Bench.Load.Monitoring;
using Bench.Load.Recording;

namespace Bench.UnitTests.Agents;

/// <summary>Small, hand-made load results with known latencies.</summary>
internal static class SampleResults
{
    public static LoadResult With(long acked, params long[] latenciesMicroseconds)
    {
        var latency = new LatencyHistogram();
        foreach (var value in latenciesMicroseconds)
        {
            latency.Record(value);
        }

        return new LoadResult
        {
            Sent = acked + 1,
            Acked = acked,
            Errors = new Dictionary<ErrorKind, long> { [ErrorKind.Timeout] = 1 },
            Late = 2,
            Dropped = 0,
            MeasuredDuration = TimeSpan.FromSeconds(2),
            Connections = new ConnectionSummary(10, 10, 0, 0),
            Latency = latency,
            ServiceTime = latency,
            ConnectTime = new LatencyHistogram(),
            Intervals = [],
            IntervalLatencies = [],
            GeneratorCpu = [0.25],
            Saturation = SaturationVerdict.NotSaturated,
        };
    }
}
