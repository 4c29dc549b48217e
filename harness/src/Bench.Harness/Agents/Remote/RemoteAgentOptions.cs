namespace Bench.Harness.Agents.Remote;

/// <summary><c>bench run</c>'s remote-agent options as typed: <c>--remote-agents</c>, <c>--agent-token</c>, and <c>BENCH_AGENT_TOKEN</c> as the fallback.</summary>
internal sealed record RemoteAgentOptions(string Endpoints, string? Token, string? TokenFromEnvironment);
