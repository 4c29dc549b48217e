using Bench.Harness.Sampling;

namespace Bench.UnitTests.Sampling;

public sealed class ProcfsProcessSamplerTests : IDisposable
{
    private readonly FakeProc _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void Reads_every_process_of_the_tree_and_skips_strangers()
    {
        _proc.Add(100, 1, userTicks: 150, systemTicks: 50, rssKb: 4096, pssKb: 3000, threads: 4, files: 5);
        _proc.Add(101, 100, rssKb: 2048, pssKb: 1000, threads: 2, files: 2);
        _proc.Add(102, 101, rssKb: 1024, pssKb: 500);
        _proc.Add(200, 1, rssKb: 99_999);

        var readings = new ProcfsProcessSampler(_proc.Root).SampleTree(100, []);

        Assert.Equal([100, 101, 102], readings.Select(r => r.Pid).Order());
        var root = readings.Single(r => r.Pid == 100);
        Assert.Equal(ClockTicks.ToTimeSpan(200), root.CpuTime);
        Assert.Equal((4096L * 1024, 3000L * 1024, 4, 5), (root.RssBytes, root.PssBytes, root.Threads, root.OpenFiles));
    }

    [Fact]
    public void Excluded_subtrees_are_left_out()
    {
        _proc.Add(100, 1);
        _proc.Add(101, 100);
        _proc.Add(102, 100);
        _proc.Add(103, 102);

        var readings = new ProcfsProcessSampler(_proc.Root).SampleTree(100, [102]);

        Assert.Equal([100, 101], readings.Select(r => r.Pid).Order());
    }

    [Fact]
    public void A_process_that_vanished_between_reads_is_skipped()
    {
        _proc.Add(100, 1);
        var gone = _proc.Add(101, 100);
        File.Delete(Path.Combine(gone, "status"));
        Directory.Delete(Path.Combine(gone, "fd"), recursive: true);

        var readings = new ProcfsProcessSampler(_proc.Root).SampleTree(100, []);

        Assert.Equal([100], readings.Select(r => r.Pid));
    }

    [Fact]
    public void Unreadable_mappings_fall_back_to_vm_rss()
    {
        var dir = _proc.Add(100, 1, rssKb: 2048);
        File.Delete(Path.Combine(dir, "smaps_rollup"));

        var reading = Assert.Single(new ProcfsProcessSampler(_proc.Root).SampleTree(100, []));

        Assert.Equal((2048L * 1024, 2048L * 1024), (reading.RssBytes, reading.PssBytes));
    }

    [Fact]
    public void A_missing_or_zombie_root_gives_an_empty_tree()
    {
        _proc.Add(100, 1, state: 'Z');
        var sampler = new ProcfsProcessSampler(_proc.Root);

        Assert.Empty(sampler.SampleTree(100, []));
        Assert.Empty(sampler.SampleTree(4_000_000, []));
    }
}
