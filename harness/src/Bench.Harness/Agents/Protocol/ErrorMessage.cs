namespace Bench.Harness.Agents.Protocol;

/// <summary>Agent → controller: the run failed; the agent exits after sending this.</summary>
internal sealed record ErrorMessage(string Message) : AgentMessage;
