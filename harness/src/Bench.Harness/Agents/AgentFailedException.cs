namespace Bench.Harness.Agents;

/// <summary>An agent died, reported an error, or fell silent; the run it was part of is invalid.</summary>
internal sealed class AgentFailedException(AgentFailure failure) : Exception(failure.ToString())
{
    public AgentFailure Failure { get; } = failure;
}
