using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>What one agent brought back: its result, or why there is none.</summary>
internal sealed record AgentOutcome(AgentAssignment Assignment, LoadResult? Result, AgentFailure? Failure);
