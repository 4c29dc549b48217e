using Bench.Load.Engine;

namespace Bench.Harness.Agents.Protocol;

/// <summary>Agent → controller, once a second while running: the latest progress (null before the engine reported any); also the heartbeat.</summary>
internal sealed record ProgressMessage(LoadProgress? Progress) : AgentMessage;
