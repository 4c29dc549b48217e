using System.Collections.Concurrent;
using Bench.Harness.Supervision;
using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>
/// Runs a fleet split across agents: sends each its spec, folds their progress into one view, and merges their
/// results exactly (<see cref="LoadResult.Merge"/>). When one agent fails, the others are stopped and the run is
/// <see cref="FleetStatus.Invalid"/>, naming the agent, its exit code and last lines; what the others measured is kept.
/// </summary>
internal sealed class AgentController(IReadOnlyList<ILoadAgent> agents) : IAsyncDisposable
{
    public IReadOnlyList<ILoadAgent> Agents { get; } = agents;

    /// <summary>Starts one child per assignment, in parallel; if any fails to start, the started ones are stopped and the failure thrown.</summary>
    public static Task<AgentController> StartChildrenAsync(FleetPlan plan, ProcessSpec launch, CancellationToken cancellationToken) =>
        AllAsync(plan.Agents.Select(a => ChildProcessAgent.StartAsync(a, launch, cancellationToken)).ToList());

    /// <summary>
    /// The controller of agents being started or connected in parallel; if any fails, the ones that came up are released
    /// and the first failure thrown.
    /// </summary>
    public static async Task<AgentController> AllAsync<TAgent>(IReadOnlyList<Task<TAgent>> starts)
        where TAgent : ILoadAgent
    {
        try
        {
            return new AgentController([.. (await Task.WhenAll(starts)).Cast<ILoadAgent>()]);
        }
        catch
        {
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Runs <paramref name="specs"/>[i] on agent i. Cancellation stops every agent and still returns what was measured.</summary>
    public async Task<FleetResult> RunAsync(IReadOnlyList<LoadSpec> specs, IProgress<FleetProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(specs.Count, Agents.Count);
        var latest = new ConcurrentDictionary<string, LoadProgress>();
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = await Task.WhenAll(Agents.Select((agent, i) => RunOneAsync(agent, specs[i], Report, stopAll)));

        var results = outcomes.Select(o => o.Result).OfType<LoadResult>().ToList();
        var merged = results.Count > 0 ? LoadResult.Merge(results) : null;
        var status = outcomes.Any(o => o.Failure is not null) ? FleetStatus.Invalid
            : cancellationToken.IsCancellationRequested ? FleetStatus.Interrupted
            : FleetStatus.Completed;
        return new FleetResult(status, merged, outcomes);

        void Report(string agent, LoadProgress figures)
        {
            latest[agent] = figures;
            progress?.Report(new FleetProgress(new Dictionary<string, LoadProgress>(latest), Agents.Count));
        }
    }

    private static async Task<AgentOutcome> RunOneAsync(ILoadAgent agent, LoadSpec spec, Action<string, LoadProgress> report, CancellationTokenSource stopAll)
    {
        var name = agent.Assignment.Name;
        try
        {
            var result = await agent.RunAsync(spec, new InlineProgress<LoadProgress>(p => report(name, p)), stopAll.Token);
            return new AgentOutcome(agent.Assignment, result, null);
        }
        catch (AgentFailedException ex)
        {
            // One missing share makes the whole run invalid: stop the others now rather than load on for nothing.
            await stopAll.CancelAsync();
            return new AgentOutcome(agent.Assignment, null, ex.Failure);
        }
        catch (OperationCanceledException) when (stopAll.IsCancellationRequested)
        {
            // Stopped before it had measured anything: nothing to merge, but nothing went wrong with it either.
            return new AgentOutcome(agent.Assignment, null, null);
        }
    }

    /// <summary>Ends every agent (stdin closed, then the supervised stop), in parallel.</summary>
    public async ValueTask DisposeAsync() => await Task.WhenAll(Agents.Select(a => a.DisposeAsync().AsTask()));
}
