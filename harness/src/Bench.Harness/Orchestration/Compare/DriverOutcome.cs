using Bench.Harness.Results;
using Bench.Load.Recording;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>What a workload driver measured in one cell, before resources are added.</summary>
internal sealed record DriverOutcome(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, LatencyHistogram> Histograms,
    IReadOnlyList<TimeSeries> Series,
    string? Saturation,
    string? Problem)
{
    /// <summary>The measured phase: resource figures are summarised over it, warm-up excluded.</summary>
    public required DateTimeOffset MeasureFrom { get; init; }

    public required DateTimeOffset MeasureTo { get; init; }

    /// <summary>Open connections over time (from the agents' progress), for memory per connection.</summary>
    public IReadOnlyList<(DateTimeOffset At, int Open)> Connections { get; init; } = [];
}
