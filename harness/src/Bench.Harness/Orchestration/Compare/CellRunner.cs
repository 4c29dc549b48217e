using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Bench.Harness.Results;
using Bench.Harness.Sampling;
using Bench.Harness.Supervision;
using Bench.Harness.Verification;
using Bench.Harness.Workloads;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// One cell, start to stop: a fresh broker (mqtt-fleet) and a fresh backend pinned to its CPUs, the fast verify
/// subset, the workload (warm-up excluded by the engine), then a stop. The backend, the broker and the generator
/// (this harness and its agents) are sampled apart at 1 Hz. Whatever happens, the cell comes back as a result:
/// a backend that will not start, fails the subset or dies under load is a failed or crashed cell.
/// </summary>
internal sealed class CellRunner(string root, ProfileSpec profile, ContractVectors vectors, CpuPlacement cpus, LoadAgents? agents = null)
{
    private readonly LoadAgents _agents = agents ?? LoadAgents.Local;

    public async Task<CellResult> RunAsync(CellPlan cell, CellTopology topology, IProgress<CellProgress> progress, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var monitor = new ResourceMonitor(new ProcfsProcessSampler());
        monitor.Watch(Sources.Generator, Environment.ProcessId);
        // Remote agents run elsewhere: this host's generator CPUs then hold only what Bench started here (brokers).
        var generatorCpus = CpuSetMonitor.For(cpus.Generator);
        if (generatorCpus is not null)
        {
            monitor.AlsoSample(generatorCpus.SampleOnce);
        }

        var brokers = new List<MosquittoBroker>();
        RunningBackend? backend = null;
        try
        {
            if (topology.Brokers > 0)
            {
                progress.Report(new CellProgress(topology.Brokers == 1 ? "starting mosquitto" : $"starting {topology.Brokers} mosquitto instances", 0, 0, 0, 0));
                await StartBrokersAsync(brokers, topology.Brokers, cancellationToken).ConfigureAwait(false);
                monitor.Watch(Sources.Broker, [.. brokers.Select(b => b.Process.Pid)]);
            }

            progress.Report(new CellProgress(topology.WorkersRaised ? $"starting backend ({topology.Workers} workers)" : "starting backend", 0, 0, 0, 0));
            var brokerUrls = brokers.Count == 0 ? null : string.Join(',', brokers.Select(b => b.Url));
            backend = await RunningBackend.StartAsync(cell.Backend, root, brokerUrls, topology.Workers, cpus.Backend, cancellationToken, _agents.ListenHost).ConfigureAwait(false);
            var startup = clock.Elapsed;
            monitor.Watch(Sources.Backend, backend.Process.Pid);
            monitor.Start();
            if (await QuickVerify.ProblemAsync(backend.BaseAddress, vectors, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                return Failed(cell, startedAt, clock, $"fast verify failed: {problem}", null, backend.Process.Output.Snapshot());
            }

            var live = new RssProgress(progress, monitor);
            var context = new CellContext(root, cell, profile, backend, brokers, cpus, live) { Agents = _agents };
            var outcome = await DriveAsync(context, cancellationToken).ConfigureAwait(false);
            if (generatorCpus is not null)
            {
                outcome = GeneratorCpus(outcome, generatorCpus, (_agents.Remote, topology.Brokers > 0) switch
                {
                    (false, true) => "the load agents and the brokers",
                    (false, false) => "the load agents",
                    (true, _) => "the brokers; the load agents are remote",
                });
            }

            var crashed = backend.Process.State == ProcessState.Exited;
            var exit = crashed ? await backend.Process.Exited.ConfigureAwait(false) : (int?)null;
            await monitor.StopAsync().ConfigureAwait(false);
            return CellResults.From(cell, startedAt, clock.Elapsed, startup, outcome, monitor, crashed ? exit : null, backend.Process.Output.Snapshot());
        }
        catch (Exception ex) when (ex is ChildExitedException or TimeoutException or InvalidOperationException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var lines = (ex as ChildExitedException)?.LastLines ?? backend?.Process.Output.Snapshot() ?? [];
            return Failed(cell, startedAt, clock, ex.Message, (ex as ChildExitedException)?.ExitCode, lines);
        }
        finally
        {
            if (backend is not null)
            {
                await backend.StopAsync().ConfigureAwait(false);
            }

            foreach (var broker in brokers)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="count"/> brokers at once, each on its own port. Every one that comes up is added to
    /// <paramref name="started"/> (so the caller stops it) before the first failure, if any, is thrown.
    /// </summary>
    private async Task StartBrokersAsync(List<MosquittoBroker> started, int count, CancellationToken cancellationToken)
    {
        var starting = Enumerable.Range(0, count).Select(_ => MosquittoBroker.StartAsync(cpus.Generator, cancellationToken, _agents.ListenHost)).ToList();
        ExceptionDispatchInfo? failure = null;
        foreach (var task in starting)
        {
            try
            {
                started.Add(await task.ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                failure ??= ExceptionDispatchInfo.Capture(ex);
            }
        }

        failure?.Throw();
    }

    /// <summary>
    /// Adds the generator CPUs' busy share over the measured phase, and marks the cell saturated when it reached the
    /// generator's threshold: each agent judges only its own share of the CPU, so several agents (and the brokers) can
    /// fill their one core together while none of them calls itself saturated.
    /// </summary>
    internal static DriverOutcome GeneratorCpus(DriverOutcome outcome, CpuSetMonitor generatorCpus, string holders)
    {
        if (generatorCpus.MedianBusy(outcome.MeasureFrom, outcome.MeasureTo) is not { } busy)
        {
            return outcome;
        }

        var metrics = new Dictionary<string, double>(outcome.Metrics, StringComparer.Ordinal) { [MetricNames.GeneratorCpuSetBusy] = busy * 100 };
        var saturation = outcome.Saturation;
        if (saturation is null && busy >= Bench.Load.Monitoring.GeneratorSaturation.CpuThreshold)
        {
            saturation = string.Create(CultureInfo.InvariantCulture,
                $"generator CPUs {string.Join(",", generatorCpus.Cpus)} ({holders}) {busy * 100:0}% busy in the median second of the measured phase (≥ {Bench.Load.Monitoring.GeneratorSaturation.CpuThreshold * 100:0}%): latency includes the generator's own queueing");
        }

        return outcome with { Metrics = metrics, Saturation = saturation };
    }

    /// <summary>Runs the driver while watching the backend: if it exits under load, the load is stopped at once.</summary>
    private static async Task<DriverOutcome> DriveAsync(CellContext context, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var driving = WorkloadDrivers.For(context.Workload.Kind).RunAsync(context, stop.Token);
        if (await Task.WhenAny(driving, context.Backend.Process.Exited).ConfigureAwait(false) != driving)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        return await driving.ConfigureAwait(false);
    }

    private static CellResult Failed(CellPlan cell, DateTimeOffset startedAt, Stopwatch clock, string reason, int? exit, IReadOnlyList<string> lines) =>
        new(cell.Backend.Name, cell.Workload.Name, cell.Scale, cell.Trial, CellStatus.Failed, startedAt, clock.Elapsed.TotalSeconds,
            new Dictionary<string, MetricValue>(), new Dictionary<string, HistogramRecord>(), [], new CellFailure(reason, exit, lines));
}

/// <summary>Adds the backend's latest RSS sample to each live progress report.</summary>
internal sealed class RssProgress(IProgress<CellProgress> inner, ResourceMonitor monitor) : IProgress<CellProgress>
{
    public void Report(CellProgress value)
    {
        var last = monitor.Samples(Sources.Backend).LastOrDefault();
        inner.Report(last is null ? value : value with { RssMiB = last.RssBytes / 1048576.0 });
    }
}

/// <summary>The names under which the monitor samples each process tree.</summary>
internal static class Sources
{
    public const string Backend = "backend";
    public const string Broker = "broker";
    public const string Generator = "generator";
}
