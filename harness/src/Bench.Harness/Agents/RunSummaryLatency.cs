namespace Bench.Harness.Agents;

/// <summary>Latency percentiles of the merged histogram, in milliseconds (JSON: p50, p90, p99, p999, max).</summary>
internal sealed record RunSummaryLatency(double P50, double P90, double P99, double P999, double Max);
