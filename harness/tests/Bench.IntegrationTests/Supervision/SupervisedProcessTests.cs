using Bench.Harness.Orchestration;
using Bench.Harness.Supervision;

namespace Bench.IntegrationTests.Supervision;

[Collection(ProcessCollection.Name)]
public sealed class SupervisedProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 60_000)]
    public async Task Waits_for_the_ready_line_and_stops_gracefully_when_child_honours_sigterm()
    {
        await using var child = SupervisedProcess.Start(TestWorker.Spec("ready"), ReadyLine.IsReadyLine);
        var line = await child.WaitUntilReadyAsync(Deadline, CancellationToken.None);

        Assert.Equal(("testworker", 4242, child.Pid), ReadyLine.Parse(line));
        Assert.Equal(ProcessState.Ready, child.State);
        var stop = await child.StopAsync(TimeSpan.FromSeconds(10));
        Assert.True(stop.Clean, $"stop: {stop}");
        Assert.False(ProcessTree.IsAlive(child.Pid));
    }

    [Fact(Timeout = 60_000)]
    public async Task Kills_a_child_that_ignores_sigterm_after_the_grace_period()
    {
        await using var child = SupervisedProcess.Start(TestWorker.Spec("ignore-sigterm"), ReadyLine.IsReadyLine);
        await child.WaitUntilReadyAsync(Deadline, CancellationToken.None);

        var stop = await child.StopAsync(TimeSpan.FromSeconds(1));

        Assert.False(stop.Graceful);
        Assert.Equal(137, stop.ExitCode);
        Assert.False(ProcessTree.IsAlive(child.Pid));
    }

    [Fact(Timeout = 60_000)]
    public async Task Reports_exit_code_and_last_lines_when_the_child_dies_before_ready()
    {
        await using var child = SupervisedProcess.Start(TestWorker.Spec("crash"), ReadyLine.IsReadyLine);

        var error = await Assert.ThrowsAsync<ChildExitedException>(() => child.WaitUntilReadyAsync(Deadline, CancellationToken.None));

        Assert.Equal(42, error.ExitCode);
        await child.Exited;
        Assert.Contains("fatal: simulated start-up failure", child.Output.Snapshot());
    }

    [Fact(Timeout = 60_000)]
    public async Task Times_out_when_no_ready_line_comes_and_leaves_nothing_behind()
    {
        await using var child = SupervisedProcess.Start(TestWorker.Spec("never-ready"), ReadyLine.IsReadyLine);

        await Assert.ThrowsAsync<TimeoutException>(() => child.WaitUntilReadyAsync(TimeSpan.FromSeconds(2), CancellationToken.None));
        await child.StopAsync(TimeSpan.FromSeconds(5));

        Assert.False(ProcessTree.IsAlive(child.Pid));
    }

    [Fact(Timeout = 60_000)]
    public async Task Kills_workers_that_outlive_their_parent()
    {
        await using var child = SupervisedProcess.Start(TestWorker.Spec("spawn-child"), ReadyLine.IsReadyLine);
        await child.WaitUntilReadyAsync(Deadline, CancellationToken.None);
        var workers = ProcessTree.Descendants(child.Pid);
        Assert.NotEmpty(workers);

        var stop = await child.StopAsync(TimeSpan.FromSeconds(10));

        Assert.True(stop.LeftoversKilled, "the worker should have been found alive in the process group and killed");
        Assert.False(stop.Clean);
        await WaitUntilAsync(() => workers.All(pid => !ProcessTree.IsAlive(pid)));
        Assert.All(workers, pid => Assert.False(ProcessTree.IsAlive(pid)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
