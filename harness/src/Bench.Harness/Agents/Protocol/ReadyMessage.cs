namespace Bench.Harness.Agents.Protocol;

/// <summary>Agent → controller: started and listening for a run.</summary>
internal sealed record ReadyMessage : AgentMessage;
