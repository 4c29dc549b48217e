namespace Bench.Harness.Agents.Protocol;

/// <summary>Controller → agent: stop the load now and send the result of what was measured.</summary>
internal sealed record StopMessage : AgentMessage;
