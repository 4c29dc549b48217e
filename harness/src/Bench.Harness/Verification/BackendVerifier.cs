using Bench.Harness.Orchestration;
using Bench.Harness.Supervision;

namespace Bench.Harness.Verification;

/// <summary>Starts one backend, runs every contract check group against it, then checks that it stops cleanly.</summary>
internal sealed class BackendVerifier(string root, ContractVectors vectors, string? brokerUrl)
{
    /// <summary>The groups in the order they run; hostile input goes last so a crash there cannot hide other results.</summary>
    public static IReadOnlyList<IContractCheckGroup> Groups { get; } =
    [
        new HttpRouteChecks(),
        new AnalyzeChecks(),
        new InvalidRequestChecks(),
        new ConcurrencyChecks(),
        new WebSocketChecks(),
        new MqttChecks(),
        new HostileInputChecks(),
    ];

    public async Task<BackendVerification> VerifyAsync(BackendSpec spec, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        RunningBackend backend;
        try
        {
            progress?.Report($"{spec.Name}: starting");
            backend = await RunningBackend.StartAsync(spec, root, brokerUrl, workers: null, cpuList: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChildExitedException or TimeoutException or InvalidOperationException)
        {
            var lines = ex is ChildExitedException exited ? exited.LastLines : [];
            return new BackendVerification(spec.Name, [CheckResult.Fail("process", "start and print the ready line", ex.Message)], lines);
        }

        var results = new List<CheckResult> { CheckResult.Pass("process", "start and print the ready line") };
        using (var client = new ContractClient(backend.BaseAddress))
        {
            var context = new VerifyContext(backend, client, vectors, backend.BrokerUrl(brokerUrl));
            foreach (var group in Groups)
            {
                progress?.Report($"{spec.Name}: {group.Group}");
                results.AddRange(await RunGroupAsync(group, context, cancellationToken).ConfigureAwait(false));
            }
        }

        var stop = await backend.StopAsync().ConfigureAwait(false);
        results.Add(stop.Clean
            ? CheckResult.Pass("process", "SIGTERM → exit 0 within 5 s, nothing left behind")
            : CheckResult.Fail("process", "SIGTERM → exit 0 within 5 s, nothing left behind",
                $"exit code {stop.ExitCode}, graceful={stop.Graceful}, leftover processes killed={stop.LeftoversKilled}"));
        return new BackendVerification(spec.Name, results, backend.Process.Output.Snapshot());
    }

    /// <summary>A group that throws (the backend died, a socket broke) is a failed check, never the end of verify.</summary>
    private static async Task<IReadOnlyList<CheckResult>> RunGroupAsync(IContractCheckGroup group, VerifyContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await group.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return [CheckResult.Fail(group.Group, "group completed", $"{ex.GetType().Name}: {ex.Message}")];
        }
    }
}
