using Bench.Harness.Agents;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>One load run of a cell: the agents' merged outcome and the wall-clock bounds of its measured window.</summary>
internal sealed record LoadRun(FleetResult Fleet, DateTimeOffset MeasureFrom, DateTimeOffset MeasureTo)
{
    /// <summary>Why the run cannot be used, or null: an agent failed, or nothing was merged.</summary>
    public string? Problem => Fleet.Merged is null || Fleet.Status == FleetStatus.Invalid
        ? string.Join("; ", Fleet.Failures.Select(f => f.ToString()).DefaultIfEmpty($"load run {Fleet.Status}"))
        : null;
}
