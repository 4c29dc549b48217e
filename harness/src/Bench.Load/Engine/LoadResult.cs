using System.Text.Json.Serialization;
using Bench.Load.Monitoring;
using Bench.Load.Recording;

namespace Bench.Load.Engine;

/// <summary>
/// What a load run measured, warm-up excluded. Latencies are in microseconds: <see cref="Latency"/> from each send's
/// intended time (no coordinated omission), <see cref="ServiceTime"/> from when it actually left. Results of several
/// agents combine exactly with <see cref="Merge"/>. Serialised with <see cref="LoadJson"/>, histograms travel as
/// HdrHistogram V2 compressed base64.
/// </summary>
public sealed partial record LoadResult
{
    /// <summary>Sends that left during the measured window.</summary>
    public required long Sent { get; init; }

    public required long Acked { get; init; }

    /// <summary>Failed sends by kind; sends that found their device disconnected count as <see cref="ErrorKind.ConnectionLost"/>.</summary>
    public required IReadOnlyDictionary<ErrorKind, long> Errors { get; init; }

    /// <summary>Sends that left after their intended time because a bound was reached.</summary>
    public required long Late { get; init; }

    /// <summary>Sends that were due but never left because a bound was reached.</summary>
    public required long Dropped { get; init; }

    /// <summary>
    /// Due sends of the measured window that never left and were counted as errors: the device had no connection
    /// (connection-lost), or all its in-flight slots waited for answers (backpressure). Errors over Sent + NotSent is
    /// the error rate of everything that was due.
    /// </summary>
    public long NotSent { get; init; }

    public required TimeSpan MeasuredDuration { get; init; }

    public required ConnectionSummary Connections { get; init; }

    [JsonConverter(typeof(LatencyHistogramJsonConverter))]
    public required LatencyHistogram Latency { get; init; }

    [JsonConverter(typeof(LatencyHistogramJsonConverter))]
    public required LatencyHistogram ServiceTime { get; init; }

    /// <summary>Time to open each connection (TCP plus WebSocket handshake or MQTT CONNACK and SUBACKs).</summary>
    [JsonConverter(typeof(LatencyHistogramJsonConverter))]
    public required LatencyHistogram ConnectTime { get; init; }

    /// <summary>The measured seconds (and the drain after them), one sample each.</summary>
    public required IReadOnlyList<IntervalSample> Intervals { get; init; }

    /// <summary>Each interval's latency histogram, V2 compressed, so merged intervals keep exact percentiles.</summary>
    public required IReadOnlyList<byte[]> IntervalLatencies { get; init; }

    /// <summary>The generator's CPU per measured second, as a fraction of the CPUs it may use (the busiest agent's when merged).</summary>
    public required IReadOnlyList<double> GeneratorCpu { get; init; }

    public required SaturationVerdict Saturation { get; init; }

    /// <summary>How many agents' results this one combines.</summary>
    public int Agents { get; init; } = 1;

    public long TotalErrors => Errors.Values.Sum();

    /// <summary>Acknowledged sends per measured second.</summary>
    public double AckRate => MeasuredDuration > TimeSpan.Zero ? Acked / MeasuredDuration.TotalSeconds : 0;
}
