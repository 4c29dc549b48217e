using Bench.Load.Engine;

namespace Bench.Harness.Agents.Protocol;

/// <summary>Controller → agent: run this share of the fleet and report progress, then the result.</summary>
internal sealed record RunMessage(LoadSpec Spec) : AgentMessage;
