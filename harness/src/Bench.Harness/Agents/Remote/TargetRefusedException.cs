namespace Bench.Harness.Agents.Remote;

/// <summary>A remote agent refused a run: its target is not one the controller listed at connect.</summary>
internal sealed class TargetRefusedException(string message) : Exception(message);
