using Bench.Harness.Agents;
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
    /// Runs one load: <paramref name="specFor"/> gives each agent its share; the result is merged exactly. The measured
    /// window's wall-clock bounds come from the agents' phase reports, so resource samples can be cut to it.
    /// </summary>
    public async Task<LoadRun> RunAsync(
        Func<AgentAssignment, LoadSpec> specFor, string phase, ConnectionTimeline? connections, CancellationToken cancellationToken)
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

            connections?.Add(now, p.OpenConnections);
            _context.Progress.Report(new CellProgress(phase, p.AcksPerSecond, p.WorstP99Microseconds / 1000.0, p.OpenConnections, p.Errors) { LoadPhase = p.Phase });
        });
        var fleet = await Controller.RunAsync(specs, progress, cancellationToken).ConfigureAwait(false);
        var end = draining ?? DateTimeOffset.UtcNow;
        var duration = specs[0].Duration;
        // Progress comes once a second: the first "measuring" report may be up to a second late.
        var start = measuring is { } seen && end - seen <= duration ? end - duration : measuring ?? end - duration;
        return new LoadRun(fleet, start, end);
    }

    public async ValueTask DisposeAsync() => await Controller.DisposeAsync().ConfigureAwait(false);
}
