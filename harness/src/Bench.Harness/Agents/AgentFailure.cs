namespace Bench.Harness.Agents;

/// <summary>Why an agent's share of the run is missing: which agent, what happened, its exit code and last output lines.</summary>
internal sealed record AgentFailure(string Agent, int? Pid, string Reason, int? ExitCode, IReadOnlyList<string> LastLines)
{
    public override string ToString()
    {
        var pid = Pid is null ? string.Empty : $" (pid {Pid})";
        var exit = ExitCode is null ? string.Empty : $", exit code {ExitCode}";
        return $"{Agent}{pid}: {Reason}{exit}";
    }
}
