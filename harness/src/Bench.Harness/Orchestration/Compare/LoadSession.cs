using Bench.Harness.Agents;
using Bench.Harness.Agents.Remote;
using Bench.Harness.Preflight;
using Bench.Load.Engine;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// The load agents of one cell: planned for the cell's demand (several processes and source addresses beyond one
/// process's descriptor and port budget), pinned to the generator's CPUs, reused for every load run of the cell.
/// </summary>
internal sealed class LoadSession : IAsyncDisposable
{
    private readonly CellContext _context;

    private LoadSession(CellContext context, FleetPlan plan, AgentController controller)
    {
        _context = context;
        Plan = plan;
        Controller = controller;
    }

    public FleetPlan Plan { get; }

    public AgentController Controller { get; }

    /// <summary>The agents' root PIDs, sampled as the generator.</summary>
    public IEnumerable<int> AgentPids => Controller.Agents.OfType<ChildProcessAgent>().Select(a => a.Pid);

    public static async Task<LoadSession> StartAsync(CellContext context, FleetDemand demand, CancellationToken cancellationToken)
    {
        if (context.Agents.Remote)
        {
            return await ConnectRemoteAsync(context, demand, cancellationToken).ConfigureAwait(false);
        }

        var plan = FleetPlanner.Plan(demand, SystemLimits.Read(), forcedAgents: null, useSourceLanes: true);
        var baseLaunch = AgentLaunch.Spec(context.Root);
        // Pinned to few CPUs, socket completions inline on the epoll thread save a thread-pool hop per message
        // (docs/load-engine.md: 0.67 → 1.15 × wrk's rate on one core).
        var launch = baseLaunch with
        {
            CpuList = context.Cpus.Generator,
            Environment = new Dictionary<string, string>(baseLaunch.Environment) { ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1" },
        };
        var controller = await AgentController.StartChildrenAsync(plan, launch, cancellationToken).ConfigureAwait(false);
        return new LoadSession(context, plan, controller);
    }

    /// <summary>
    /// compare --agents: one share per listed agent (the first <c>devices</c> of them when the load has fewer devices
    /// than agents), no source lanes (each agent binds on its own host). Every agent is connected afresh for the cell
    /// and released at its end, so a cell's failure cannot leave an agent busy for the next.
    /// </summary>
    private static async Task<LoadSession> ConnectRemoteAsync(CellContext context, FleetDemand demand, CancellationToken cancellationToken)
    {
        var endpoints = context.Agents.Endpoints.Take(demand.Devices).ToList();
        var plan = FleetPlanner.Plan(demand, SystemLimits.Read(), endpoints.Count, useSourceLanes: false);
        var hello = context.Agents.Hello;
        try
        {
            var controller = await AgentController.AllAsync(plan.Agents.Select((a, i) => RemoteAgent.ConnectAsync(a, endpoints[i], hello, cancellationToken)).ToList())
                .ConfigureAwait(false);
            return new LoadSession(context, plan, controller);
        }
        catch (AgentFailedException ex)
        {
            // The cell fails with the agent's reason (CellRunner records InvalidOperationException as a failed cell).
            throw new InvalidOperationException($"remote agents: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs one load: <paramref name="specFor"/> gives each agent its share; the result is merged exactly. The measured
    /// window's wall-clock bounds come from the agents' phase reports, so resource samples can be cut to it.
    /// </summary>
    /// <remarks>
    /// <c>sending</c>, when given, is set to true once every agent has connected its devices and started sending (the
    /// warm-up), or to false when the run ends without getting there, so a load meant to run alongside this one can
    /// start then.
    /// </remarks>
    public async Task<LoadRun> RunAsync(
        Func<AgentAssignment, LoadSpec> specFor,
        string phase,
        ConnectionTimeline? connections,
        CancellationToken cancellationToken,
        TaskCompletionSource<bool>? sending = null)
    {
        var specs = Plan.Agents.Select(specFor).ToList();
        DateTimeOffset? measuring = null, draining = null;
        var gate = new Lock();
        var progress = new InlineProgress<FleetProgress>(p =>
        {
            var now = DateTimeOffset.UtcNow;
            lock (gate)
            {
                if (p.Phase == LoadPhase.Measuring) measuring ??= now;
                if (p.Phase == LoadPhase.Draining) draining ??= now;
            }

            if (p.Phase >= LoadPhase.WarmUp)
            {
                sending?.TrySetResult(true);
            }

            connections?.Add(now, p.OpenConnections);
            _context.Progress.Report(new CellProgress(phase, p.AcksPerSecond, p.WorstP99Microseconds / 1000.0, p.OpenConnections, p.Errors) { LoadPhase = p.Phase });
        });
        FleetResult fleet;
        try
        {
            fleet = await Controller.RunAsync(specs, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sending?.TrySetResult(false);
        }

        var end = draining ?? DateTimeOffset.UtcNow;
        var duration = specs[0].Duration;
        // Progress comes once a second: the first "measuring" report may be up to a second late.
        var start = measuring is { } seen && end - seen <= duration ? end - duration : measuring ?? end - duration;
        return new LoadRun(fleet, start, end);
    }

    /// <summary>
    /// Runs <paramref name="first"/> and, once its devices are all connected and sending, <paramref name="second"/>
    /// beside it. Started together, a fleet of 10,000 devices would still be connecting (10 s at 1,000/s) while the
    /// second load warmed up and measured, and the two measured windows would barely overlap; started at the first's
    /// warm-up, with the same warm-up and duration, they cover the same seconds (to within the 1 s progress report).
    /// </summary>
    /// <returns>Both runs; the second is null when the first ended before it was sending (its problem says why).</returns>
    public static async Task<(LoadRun First, LoadRun? Second)> AlongsideAsync(
        Func<TaskCompletionSource<bool>, Task<LoadRun>> first, Func<Task<LoadRun>> second)
    {
        var sending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstRun = first(sending);
        if (!await sending.Task.ConfigureAwait(false))
        {
            return (await firstRun.ConfigureAwait(false), null);
        }

        var secondRun = second();
        return (await firstRun.ConfigureAwait(false), await secondRun.ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync() => await Controller.DisposeAsync().ConfigureAwait(false);
}
