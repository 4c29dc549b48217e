namespace Bench.Harness.Gate;

/// <summary>What the regression gate found; <see cref="GateMarkdown"/> renders it for a pull-request comment.</summary>
/// <param name="Status">The conclusion.</param>
/// <param name="Profile">The run's profile.</param>
/// <param name="Sensitivity">Trials on each side, α, and what that lets the gate detect.</param>
/// <param name="Rules">The gated metrics and their margins.</param>
/// <param name="Baseline">The file compared against, with its origin.</param>
/// <param name="Refusals">Why nothing was compared; empty when the comparison ran.</param>
/// <param name="Rows">Every judged metric, ordered by workload, scale, backend and metric.</param>
/// <param name="NotCompared">Cells or metrics present on one side only.</param>
internal sealed record GateResult(
    GateStatus Status,
    string Profile,
    GateSensitivity Sensitivity,
    GateRules Rules,
    Baseline Baseline,
    IReadOnlyList<string> Refusals,
    IReadOnlyList<GateRow> Rows,
    IReadOnlyList<string> NotCompared);
