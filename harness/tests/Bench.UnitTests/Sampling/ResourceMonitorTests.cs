using Bench.Harness.Sampling;

namespace Bench.UnitTests.Sampling;

public class ResourceMonitorTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Cpu_is_the_tree_delta_over_wall_time_and_the_first_sample_is_a_baseline()
    {
        var sampler = new ScriptedSampler()
            .Then(10, ScriptedSampler.Process(10, 1.0), ScriptedSampler.Process(11, 2.0))
            .Then(10, ScriptedSampler.Process(10, 1.5), ScriptedSampler.Process(11, 3.0));
        var time = new ManualTime();
        var monitor = new ResourceMonitor(sampler, cores: 2, time);
        monitor.Watch("backend", 10);

        monitor.SampleOnce();
        time.Advance(Second);
        monitor.SampleOnce();

        var samples = monitor.Samples("backend");
        Assert.Null(samples[0].CpuPercent);
        Assert.Equal(150.0, samples[1].CpuPercent!.Value, precision: 6);
        Assert.Equal(75.0, samples[1].CpuPercentOfMachine!.Value, precision: 6);
        Assert.Equal((2, 20L << 20, 2), (samples[1].Processes, samples[1].RssBytes, samples[1].Threads));
    }

    [Fact]
    public void A_vanished_worker_drops_out_and_a_new_worker_counts_from_zero()
    {
        var sampler = new ScriptedSampler()
            .Then(10, ScriptedSampler.Process(10, 1.0), ScriptedSampler.Process(11, 5.0))
            .Then(10, ScriptedSampler.Process(10, 1.2), ScriptedSampler.Process(12, 0.3))
            .Then(10, ScriptedSampler.Process(10, 1.2), ScriptedSampler.Process(11, 0.1, startTime: 99));
        var time = new ManualTime();
        var monitor = new ResourceMonitor(sampler, cores: 2, time);
        monitor.Watch("backend", 10);

        for (var i = 0; i < 3; i++)
        {
            monitor.SampleOnce();
            time.Advance(Second);
        }

        var samples = monitor.Samples("backend");
        Assert.Equal(50.0, samples[1].CpuPercent!.Value, precision: 6);
        // PID 11 came back with a different start time: a reused PID is a new process, never a negative delta.
        Assert.Equal(10.0, samples[2].CpuPercent!.Value, precision: 6);
    }

    [Fact]
    public void Each_tree_is_sampled_without_the_other_watched_roots()
    {
        var sampler = new ScriptedSampler();
        var monitor = new ResourceMonitor(sampler, cores: 2, new ManualTime());
        monitor.Watch("generator", 1);
        monitor.Watch("backend", 10);
        monitor.Watch("broker", 20);
        monitor.Forget("broker");

        monitor.SampleOnce();

        Assert.Equal([(1, "10"), (10, "1")], sampler.Calls.Select(c => (c.Root, string.Join(',', c.Excluded))));
    }

    [Fact]
    public void The_summary_excludes_warm_up_cpu_and_keeps_memory_inside_the_window()
    {
        var sampler = new ScriptedSampler();
        var cpu = new[] { 0.0, 0.9, 1.8, 2.1, 2.4, 2.7 }; // 90% for two seconds of warm-up, then 30%
        var rss = new long[] { 10, 20, 30, 40, 50, 60 };
        for (var i = 0; i < cpu.Length; i++)
        {
            sampler.Then(10, ScriptedSampler.Process(10, cpu[i], rss[i], threads: i + 1));
        }

        var time = new ManualTime();
        var start = time.Now;
        var monitor = new ResourceMonitor(sampler, cores: 2, time);
        monitor.Watch("backend", 10);
        for (var i = 0; i < cpu.Length; i++)
        {
            monitor.SampleOnce();
            time.Advance(Second);
        }

        var summary = monitor.Summarize("backend", start + 2 * Second, start + 5 * Second);

        Assert.Equal((30.0, 30.0, 3), (Math.Round(summary.CpuPercent.Mean, 6), Math.Round(summary.CpuPercent.Max, 6), summary.CpuPercent.Count));
        Assert.Equal(TimeSpan.FromSeconds(3), summary.CpuCovered);
        Assert.Equal((45.0, 60.0), (summary.RssBytes.Mean / (1 << 20), summary.RssBytes.Max / (1 << 20)));
        Assert.Equal(6, summary.Threads.Max);
    }

    [Fact]
    public void A_restarted_backend_keeps_earlier_samples_and_gets_a_fresh_cpu_baseline()
    {
        var sampler = new ScriptedSampler()
            .Then(10, ScriptedSampler.Process(10, 5.0))
            .Then(10, ScriptedSampler.Process(10, 5.5))
            .Then(30, ScriptedSampler.Process(30, 0.2))
            .Then(30, ScriptedSampler.Process(30, 0.4));
        var time = new ManualTime();
        var monitor = new ResourceMonitor(sampler, cores: 2, time);
        monitor.Watch("backend", 10);
        monitor.SampleOnce();
        time.Advance(Second);
        monitor.SampleOnce();

        monitor.Watch("backend", 30);
        time.Advance(Second);
        monitor.SampleOnce();
        time.Advance(Second);
        monitor.SampleOnce();

        var samples = monitor.Samples("backend");
        Assert.Equal([null, 50.0, null, 20.0], samples.Select(s => s.CpuPercent is { } cpu ? Math.Round(cpu, 6) : (double?)null));
    }

    [Fact]
    public async Task The_timer_samples_until_stopped()
    {
        var sampler = new ScriptedSampler().Then(10, ScriptedSampler.Process(10, 0));
        await using var monitor = new ResourceMonitor(sampler, cores: 2);
        monitor.Watch("backend", 10);

        monitor.Start(TimeSpan.FromMilliseconds(20));
        for (var i = 0; i < 500 && monitor.Samples("backend").Count < 3; i++)
        {
            await Task.Delay(10);
        }

        await monitor.StopAsync();
        var count = monitor.Samples("backend").Count;
        await Task.Delay(100);

        Assert.True(count >= 3, $"only {count} samples");
        Assert.Equal(count, monitor.Samples("backend").Count);
    }

    [Fact]
    public void Several_roots_under_one_source_are_summed_and_each_is_sampled_without_the_other_sources()
    {
        var sampler = new ScriptedSampler()
            .Then(20, ScriptedSampler.Process(20, 1.0, rssMb: 8))
            .Then(21, ScriptedSampler.Process(21, 2.0, rssMb: 12))
            .Then(20, ScriptedSampler.Process(20, 1.5, rssMb: 8))
            .Then(21, ScriptedSampler.Process(21, 2.25, rssMb: 16));
        var time = new ManualTime();
        var monitor = new ResourceMonitor(sampler, cores: 2, time);
        monitor.Watch("backend", 10);
        monitor.Watch("broker", [20, 21]);

        monitor.SampleOnce();
        time.Advance(Second);
        monitor.SampleOnce();

        var broker = monitor.Samples("broker");
        Assert.Equal(75.0, broker[1].CpuPercent!.Value, precision: 6);
        Assert.Equal((2, 24L << 20), (broker[1].Processes, broker[1].RssBytes));
        // Each broker root is read with the backend excluded, and the backend with both brokers excluded.
        Assert.Contains(sampler.Calls, c => c.Root == 20 && c.Excluded.SequenceEqual([10]));
        Assert.Contains(sampler.Calls, c => c.Root == 10 && c.Excluded.Order().SequenceEqual([20, 21]));
    }
}
