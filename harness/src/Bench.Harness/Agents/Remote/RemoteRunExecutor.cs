namespace Bench.Harness.Agents.Remote;

/// <summary>
/// Carries out a <c>bench run --remote-agents</c>: connects every agent (in parallel), runs the fleet against the
/// target they share, and merges their results exactly, as for local agents. Bench starts nothing here: the target
/// and the agents run elsewhere, so the connections are all it has to end, also on cancellation.
/// </summary>
internal static class RemoteRunExecutor
{
    public static async Task<RunOutcome> ExecuteAsync(RemoteRun remote, IRunObserver observer, CancellationToken cancellationToken)
    {
        AgentController controller;
        try
        {
            controller = await ConnectAllAsync(remote, cancellationToken);
        }
        catch (AgentFailedException ex)
        {
            return new RunOutcome(null, ex.Message, null, ex.Failure.LastLines);
        }

        await using (controller)
        {
            observer.Step($"{controller.Agents.Count} remote agent(s) ready: {string.Join(", ", remote.Endpoints)}");
            observer.AgentsStarted(controller.Agents);
            var specs = AgentSpecs.For(remote.Run, remote.Plan, remote.Target);
            var fleet = await controller.RunAsync(specs, new InlineProgress<FleetProgress>(observer.Progress), cancellationToken);
            return new RunOutcome(fleet, null, null, []);
        }
    }

    /// <summary>Agent i of the plan is endpoint i; if any cannot be reached or refuses, the connected ones are released and the failure thrown.</summary>
    private static Task<AgentController> ConnectAllAsync(RemoteRun remote, CancellationToken cancellationToken) =>
        AgentController.AllAsync(remote.Plan.Agents.Select((a, i) => RemoteAgent.ConnectAsync(a, remote.Endpoints[i], remote.Hello, cancellationToken)).ToList());
}
