namespace Bench.Harness.Results;

/// <summary>What a metric's number means: its unit, which direction is better, and one line of explanation.</summary>
internal sealed record MetricDescriptor(string Unit, bool HigherIsBetter, string Description);
