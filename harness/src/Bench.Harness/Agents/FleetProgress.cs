using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>The latest progress of every agent that has reported, and the fleet's totals over them.</summary>
internal sealed record FleetProgress(IReadOnlyDictionary<string, LoadProgress> PerAgent, int AgentCount)
{
    public TimeSpan Elapsed => PerAgent.Values.Select(p => p.Elapsed).DefaultIfEmpty().Max();

    /// <summary>The phase of the agent furthest behind: the fleet measures only once every agent does.</summary>
    public LoadPhase Phase => PerAgent.Count < AgentCount ? LoadPhase.Connecting : PerAgent.Values.Min(p => p.Phase);

    public double SendsPerSecond => PerAgent.Values.Sum(p => p.SendsPerSecond);

    public double AcksPerSecond => PerAgent.Values.Sum(p => p.AcksPerSecond);

    public long OpenConnections => PerAgent.Values.Sum(p => p.OpenConnections);

    public long Errors => PerAgent.Values.Sum(p => p.Errors);

    /// <summary>The worst agent's p99 so far: percentiles cannot be added, and the exact merged figure comes with the result.</summary>
    public long WorstP99Microseconds => PerAgent.Values.Select(p => p.P99Microseconds).DefaultIfEmpty().Max();

    /// <summary>The busiest agent's CPU: one saturated agent is enough to distort the run.</summary>
    public double BusiestGeneratorCpu => PerAgent.Values.Select(p => p.GeneratorCpu).DefaultIfEmpty().Max();
}
