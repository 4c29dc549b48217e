using System.Globalization;
using Bench.Harness.Orchestration;
using Bench.Harness.Supervision;
using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>
/// Carries out a validated, preflighted run: starts mosquitto (mqtt-fleet) and the backend when Bench owns them,
/// then the agents, runs the fleet, and watches the backend: if it exits under load, the run is stopped and marked
/// crashed. Everything it started is stopped before it returns, also on cancellation.
/// </summary>
internal sealed class RunExecutor(string root, BackendCatalog catalog, ProcessSpec agentLaunch, LoadRunner inProcessRunner)
{
    public async Task<RunOutcome> ExecuteAsync(RunSpec run, FleetPlan plan, IRunObserver observer, CancellationToken cancellationToken)
    {
        MosquittoBroker? broker = null;
        RunningBackend? backend = null;
        AgentController? controller = null;
        try
        {
            if (run.Backend is not null && run.Workload == RunWorkload.MqttFleet)
            {
                broker = await MosquittoBroker.StartAsync(null, cancellationToken);
                observer.Step($"mosquitto (pid {broker.Process.Pid}) on {broker.Url}");
            }

            if (run.Backend is not null)
            {
                var spec = catalog.Select([run.Backend])[0];
                backend = await RunningBackend.StartAsync(spec, root, broker?.Url, null, null, cancellationToken);
                observer.Step($"{spec.Name} (pid {backend.Process.Pid}) on {backend.BaseAddress}");
            }

            controller = run.InProcess
                ? new AgentController([new InProcessAgent(plan.Agents[0], inProcessRunner)])
                : await AgentController.StartChildrenAsync(plan, agentLaunch, cancellationToken);
            observer.Step(run.InProcess ? "load generated in-process" : $"{controller.Agents.Count} agent(s) ready");
            observer.AgentsStarted(controller.Agents);
            return await RunFleetAsync(run, plan, controller, Target(run, backend, broker), backend, observer, cancellationToken);
        }
        catch (Exception ex) when (ex is ChildExitedException or TimeoutException or AgentFailedException or InvalidOperationException)
        {
            var lines = (ex as ChildExitedException)?.LastLines ?? (ex as AgentFailedException)?.Failure.LastLines ?? [];
            return new RunOutcome(null, ex.Message, null, lines);
        }
        finally
        {
            if (controller is not null)
            {
                await controller.DisposeAsync();
            }

            await ChildProcessRegistry.StopAllAsync(RunningBackend.StopGrace);
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }
        }
    }

    private static async Task<RunOutcome> RunFleetAsync(
        RunSpec run, FleetPlan plan, AgentController controller, LoadTarget target, RunningBackend? backend, IRunObserver observer, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var backendExited = backend?.Process.Exited ?? new TaskCompletionSource<int>().Task;
        var fleet = controller.RunAsync(AgentSpecs.For(run, plan, target), new InlineProgress<FleetProgress>(observer.Progress), stop.Token);
        if (await Task.WhenAny(fleet, backendExited) == backendExited)
        {
            // The backend died under load: what follows would measure connection errors, not the backend.
            await stop.CancelAsync();
        }

        var result = await fleet;
        // Bench stops the backend only after this returns, so an exit seen here is a crash.
        if (backend is null || !backendExited.IsCompleted)
        {
            return new RunOutcome(result, null, null, []);
        }

        var exitCode = await backendExited;
        var crash = string.Create(CultureInfo.InvariantCulture, $"{backend.Spec.Name} (pid {backend.Process.Pid}) exited with code {exitCode} during the run");
        return new RunOutcome(result, null, crash, backend.Process.Output.Snapshot());
    }

    /// <summary>Where the agents send: the backend Bench started, or --target; MQTT through Bench's mosquitto or --broker.</summary>
    private static LoadTarget Target(RunSpec run, RunningBackend? backend, MosquittoBroker? broker)
    {
        var http = backend?.BaseAddress ?? run.Target!;
        return broker is not null ? new LoadTarget(http, "127.0.0.1", broker.Port)
            : run.Broker is not null ? new LoadTarget(http, run.Broker.DnsSafeHost, run.Broker.Port)
            : new LoadTarget(http);
    }
}
