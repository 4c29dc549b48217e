using Bench.Load.Engine;

namespace Bench.Harness.Agents.Protocol;

/// <summary>Agent → controller: the run ended (completed or stopped); histograms travel in their exact encoded form.</summary>
internal sealed record ResultMessage(LoadResult Result) : AgentMessage;
