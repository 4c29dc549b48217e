using Bench.Harness.Orchestration;
using Bench.Harness.Sampling;
using Bench.Harness.Supervision;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Sampling;

/// <summary>The /proc sampler and the monitor against real processes: the dummy child in its "tree" and "busy" modes.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ProcessTreeSamplingTests
{
    private const long Mebibyte = 1 << 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly ProcfsProcessSampler _sampler = new();

    [Fact(Timeout = 60_000)]
    public async Task Reads_a_parent_and_its_two_workers_from_real_proc_files()
    {
        await using var child = await StartAsync("tree");

        var readings = _sampler.SampleTree(child.Pid, []);

        Assert.Equal(3, readings.Count);
        Assert.Contains(readings, r => r.Pid == child.Pid);
        // The parent holds 16 MiB and each worker 48 MiB of written pages: private memory, so RSS and PSS both see it.
        Assert.All(readings.Where(r => r.Pid != child.Pid), r => Assert.True(r.PssBytes >= 48 * Mebibyte, $"worker PSS {r.PssBytes}"));
        Assert.True(readings.Sum(r => r.PssBytes) >= 112 * Mebibyte);
        Assert.All(readings, r => Assert.True(r.RssBytes >= r.PssBytes, $"RSS {r.RssBytes} < PSS {r.PssBytes}"));
        Assert.All(readings, r => Assert.True(r.Threads >= 1 && r.OpenFiles >= 3, $"threads {r.Threads}, fds {r.OpenFiles}"));
        Assert.All(readings, r => Assert.True(r.StartTime > 0));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_killed_worker_drops_out_of_the_tree_without_an_error()
    {
        await using var child = await StartAsync("tree");
        var worker = _sampler.SampleTree(child.Pid, []).First(r => r.Pid != child.Pid).Pid;

        PosixSignals.Send(worker, PosixSignals.SigKill);
        var readings = _sampler.SampleTree(child.Pid, []);
        for (var i = 0; i < 100 && readings.Any(r => r.Pid == worker); i++)
        {
            await Task.Delay(50);
            readings = _sampler.SampleTree(child.Pid, []);
        }

        Assert.Equal(2, readings.Count);
        Assert.DoesNotContain(readings, r => r.Pid == worker);
        await child.StopAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(_sampler.SampleTree(child.Pid, []));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_generator_tree_leaves_out_the_backend_it_started()
    {
        await using var child = await StartAsync("tree");
        var self = Environment.ProcessId;

        var whole = _sampler.SampleTree(self, []);
        var generator = _sampler.SampleTree(self, [child.Pid]);

        Assert.Contains(whole, r => r.Pid == child.Pid);
        Assert.True(whole.Count >= generator.Count + 3);
        Assert.Contains(generator, r => r.Pid == self);
        Assert.DoesNotContain(generator, r => r.Pid == child.Pid);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cpu_of_a_busy_child_is_above_zero_and_at_most_every_core()
    {
        await using var child = await StartAsync("busy");
        await using var monitor = new ResourceMonitor(_sampler);
        monitor.Watch("backend", child.Pid);

        monitor.Start(TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < 200 && monitor.Samples("backend").Count(s => s.CpuPercent is not null) < 3; i++)
        {
            await Task.Delay(50);
        }

        await monitor.StopAsync();
        var samples = monitor.Samples("backend").Where(s => s.CpuPercent is not null).ToList();
        Assert.True(samples.Count >= 3, $"only {samples.Count} samples with CPU");
        var cores = MachineCpus.Online;
        Assert.All(samples, s => Assert.InRange(s.CpuPercent!.Value, 0.0, 100.0 * cores));
        Assert.All(samples, s => Assert.InRange(s.CpuPercentOfMachine!.Value, 0.0, 100.0));
        Assert.True(samples.Sum(s => s.CpuPercent!.Value) > 0, "a spinning thread used no CPU");
        var summary = monitor.Summarize("backend", samples[0].At - samples[0].Interval, samples[^1].At);
        Assert.True(summary.CpuPercent.Mean > 0);
        Assert.True(summary.RssBytes.Max > 0);
    }

    private static async Task<SupervisedProcess> StartAsync(string mode)
    {
        var spec = new ProcessSpec("testworker", "dotnet", [TestWorker.DllPath, mode, "4242"], AppContext.BaseDirectory, new Dictionary<string, string>());
        var child = SupervisedProcess.Start(spec, ReadyLine.IsReadyLine);
        try
        {
            await child.WaitUntilReadyAsync(Deadline, CancellationToken.None);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }
}
