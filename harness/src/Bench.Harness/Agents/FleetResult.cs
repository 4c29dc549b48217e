using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>A fleet run: its status, the exact merge of every result that came back, and each agent's outcome.</summary>
internal sealed record FleetResult(FleetStatus Status, LoadResult? Merged, IReadOnlyList<AgentOutcome> Agents)
{
    public IEnumerable<AgentFailure> Failures => Agents.Select(a => a.Failure).OfType<AgentFailure>();
}
