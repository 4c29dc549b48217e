namespace Bench.Harness.Gate;

/// <summary>
/// Where a baseline came from, written at the top of the baseline file so a reviewer sees at a glance which
/// run, machine and commit the gate compares against (the full environment follows in <c>environment</c>).
/// </summary>
/// <param name="CreatedAt">When <c>bench baseline update</c> wrote the file.</param>
/// <param name="Source">The results folder the baseline was taken from (its name only).</param>
/// <param name="Machine">The machine class (<see cref="MachineClass"/>) of that run.</param>
/// <param name="Commit">The git commit the run measured; null when unknown.</param>
/// <param name="Dirty">Whether the working tree had uncommitted changes during the run; null when unknown.</param>
internal sealed record BaselineOrigin(DateTimeOffset CreatedAt, string Source, string Machine, string? Commit, bool? Dirty);
