namespace Bench.Harness.Workloads;

/// <summary>The run's time budget and the estimated cost of starting, verifying and stopping a backend around one cell.</summary>
internal sealed record BudgetSpec(TimeSpan Total, TimeSpan StartupPerCell);
