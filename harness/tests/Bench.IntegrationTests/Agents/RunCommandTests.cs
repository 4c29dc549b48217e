using System.Diagnostics;
using Bench.Harness.Agents;
using Bench.Harness.Orchestration;
using Bench.Harness.Preflight;
using Bench.Harness.Supervision;
using Bench.IntegrationTests.Supervision;
using Bench.Load.Engine;

namespace Bench.IntegrationTests.Agents;

/// <summary><c>bench run</c> against the real node backend with real agent children.</summary>
[Collection(ProcessCollection.Name)]
public sealed class RunCommandTests
{
    private static readonly string Root = RepositoryRoot.Locate();

    [Fact(Timeout = 120_000)]
    public async Task Two_agents_share_a_ws_fleet_and_the_merged_totals_are_their_sums()
    {
        var (run, plan, executor) = Prepare("--agents", "2");

        var outcome = await executor.ExecuteAsync(run, plan, NullRunObserver.Instance, CancellationToken.None);

        Assert.Null(outcome.StartFailure);
        Assert.Equal("completed", outcome.Status);
        var fleet = outcome.Fleet!;
        Assert.Equal(["agent-1", "agent-2"], fleet.Agents.Select(a => a.Assignment.Name));
        var results = fleet.Agents.Select(a => a.Result!).ToList();
        Assert.All(results, r => Assert.True(r.Acked > 0));
        var merged = fleet.Merged!;
        Assert.Equal(results.Sum(r => r.Sent), merged.Sent);
        Assert.Equal(results.Sum(r => r.Acked), merged.Acked);
        Assert.Equal(results.Sum(r => r.Latency.TotalCount), merged.Latency.TotalCount);
        Assert.Equal(200, merged.Connections.Opened);
        Assert.Equal(2, merged.Agents);
        Assert.Equal(0, ChildProcessRegistry.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_agent_killed_mid_run_makes_the_result_invalid_and_is_named()
    {
        var (run, plan, executor) = Prepare("--agents", "2", "--duration", "20");
        var observer = new KillSecondAgentWhenMeasuring();

        var outcome = await executor.ExecuteAsync(run, plan, observer, CancellationToken.None);

        Assert.Equal("invalid", outcome.Status);
        var failure = Assert.Single(outcome.Fleet!.Failures);
        Assert.Equal("agent-2", failure.Agent);
        Assert.Equal(observer.KilledPid, failure.Pid);
        Assert.Equal(137, failure.ExitCode);
        Assert.Contains("agent-2", failure.ToString(), StringComparison.Ordinal);
        Assert.NotNull(outcome.Fleet.Agents[0].Result);
        Assert.False(outcome.Succeeded);
        Assert.Equal(0, ChildProcessRegistry.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_invalid_command_line_exits_2_listing_every_error_and_starts_nothing()
    {
        var (exitCode, output) = await RunBenchAsync(
            "run", "--backend", "node", "--target", "http://10.0.0.1:80", "--workload", "udp", "--devices", "lots", "--duration", "0");

        Assert.Equal(2, exitCode);
        string[] expected = ["exactly one of --backend", "is not loopback", "--workload 'udp'", "--devices 'lots'", "--duration '0'"];
        Assert.All(expected, e => Assert.Contains(e, output, StringComparison.Ordinal));
        Assert.Contains("nothing was started", output, StringComparison.Ordinal);
    }

    private static (RunSpec Run, FleetPlan Plan, RunExecutor Executor) Prepare(params string[] extra)
    {
        var options = new RunOptions { Backend = "node", Workload = "ws-fleet", Devices = "200", Duration = "3", Warmup = "1" };
        for (var i = 0; i < extra.Length; i += 2)
        {
            options = extra[i] switch
            {
                "--agents" => options with { Agents = extra[i + 1] },
                "--duration" => options with { Duration = extra[i + 1] },
                _ => throw new ArgumentException(extra[i]),
            };
        }

        var catalog = BackendCatalog.Load(Root);
        var (run, plan, preflight) = Bench.Harness.Cli.RunCommand.Prepare(options, catalog, SystemLimits.Read());
        Assert.True(preflight.CanRun);
        return (run, plan, new RunExecutor(Root, catalog, AgentLaunch.Spec(Root), LoadEngine.RunAsync));
    }

    private static async Task<(int ExitCode, string Output)> RunBenchAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        info.ArgumentList.Add(AgentLaunch.Spec(Root).Arguments[0]);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, (await stdout + await stderr).Replace(Environment.NewLine, " ", StringComparison.Ordinal));
    }

    /// <summary>SIGKILLs agent-2 the first time the fleet reports that it is measuring.</summary>
    private sealed class KillSecondAgentWhenMeasuring : IRunObserver
    {
        private ChildProcessAgent? _victim;
        private int _killed;

        public int KilledPid { get; private set; }

        public void Step(string line)
        {
        }

        public void AgentsStarted(IReadOnlyList<ILoadAgent> agents) => _victim = (ChildProcessAgent)agents[1];

        public void Progress(FleetProgress progress)
        {
            if (progress.Phase == LoadPhase.Measuring && _victim is not null && Interlocked.Exchange(ref _killed, 1) == 0)
            {
                KilledPid = _victim.Pid;
                PosixSignals.Send(KilledPid, PosixSignals.SigKill);
            }
        }
    }
}
