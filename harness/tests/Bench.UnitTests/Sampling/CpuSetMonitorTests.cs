using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Results;
using Bench.Harness.Sampling;
using Bench.Load.Recording;

namespace Bench.UnitTests.Sampling;

/// <summary>The generator CPUs' busy share from /proc/stat, and the saturation it decides when several agents share a core.</summary>
public class CpuSetMonitorTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-2,5", new[] { 0, 1, 2, 5 })]
    [InlineData("3,1", new[] { 1, 3 })]
    public void Taskset_lists_parse_to_their_cpus(string text, int[] cpus) =>
        Assert.Equal(cpus, CpuSetMonitor.ParseList(text));

    [Theory]
    [InlineData("")]
    [InlineData("2-1")]
    [InlineData("a")]
    [InlineData("1-2-3")]
    public void Malformed_lists_give_no_monitor(string text)
    {
        Assert.Null(CpuSetMonitor.ParseList(text));
        Assert.Null(CpuSetMonitor.For(text));
    }

    [Fact]
    public void Busy_counts_user_nice_system_irq_softirq_and_steal_against_idle_and_iowait()
    {
        const string Before = "cpu  500 0 500 5000 0 0 0 0 0 0\ncpu0 100 0 100 1000 0 0 0 0 0 0\ncpu1 400 0 400 4000 0 0 0 0 0 0\nintr 12345\n";
        const string After = "cpu  900 0 900 5300 0 0 0 0 0 0\ncpu0 160 10 110 1010 10 5 3 2 0 0\ncpu1 740 0 790 4290 0 0 0 0 0 0\n";

        var busy = CpuSetMonitor.BusyBetween(CpuSetMonitor.ParseStat(Before), CpuSetMonitor.ParseStat(After), [0]);

        // cpu0: busy 60 + 10 + 10 + 5 + 3 + 2 = 90 of 90 + 10 idle + 10 iowait = 110 ticks.
        Assert.Equal(90.0 / 110, busy!.Value, precision: 9);
        Assert.Null(CpuSetMonitor.BusyBetween(CpuSetMonitor.ParseStat(Before), CpuSetMonitor.ParseStat(Before), [0]));
    }

    [Fact]
    public void The_median_second_inside_the_window_is_what_counts()
    {
        var time = new ManualTime();
        var reads = new Queue<string>(Enumerable.Range(0, 6).Select(i => Stat(busy: new[] { 0, 95, 190, 200, 295, 390 }[i], total: i * 100)));
        var monitor = new CpuSetMonitor([0], () => reads.Dequeue());
        var start = time.Now;

        for (var i = 0; i < 6; i++)
        {
            monitor.SampleOnce(time.Now);
            time.Advance(Second);
        }

        // Seconds 1..5 were 95%, 95%, 10%, 95%, 95% busy; the window (start, start + 3 s] holds the first three.
        Assert.Equal(0.95, monitor.MedianBusy(start, start + TimeSpan.FromSeconds(3))!.Value, precision: 9);
        Assert.Equal(0.95, monitor.MedianBusy(start, start + TimeSpan.FromSeconds(10))!.Value, precision: 9);
        Assert.Null(monitor.MedianBusy(start + TimeSpan.FromSeconds(20), start + TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(40, false)]
    [InlineData(100, true)]
    public void A_cell_whose_generator_cpus_were_full_is_saturated_even_when_no_agent_said_so(int busyTicks, bool saturated)
    {
        var time = new ManualTime();
        var from = time.Now;
        var reads = new Queue<string>([Stat(0, 0), Stat(busyTicks, 100), Stat(2 * busyTicks, 200), Stat(3 * busyTicks, 300)]);
        var monitor = new CpuSetMonitor([0], () => reads.Dequeue());
        for (var i = 0; i < 4; i++)
        {
            monitor.SampleOnce(time.Now);
            time.Advance(Second);
        }

        var outcome = new DriverOutcome(new Dictionary<string, double> { [MetricNames.LatencyP99] = 10 }, new Dictionary<string, LatencyHistogram>(), [], null, null)
        {
            MeasureFrom = from,
            MeasureTo = time.Now,
        };

        var judged = CellRunner.GeneratorCpus(outcome, monitor, "the load agents");

        Assert.Equal(busyTicks, judged.Metrics[MetricNames.GeneratorCpuSetBusy], precision: 6);
        Assert.Equal(saturated, judged.Saturation is not null);
        if (saturated)
        {
            Assert.StartsWith("generator CPUs 0 (the load agents) 100% busy in the median second", judged.Saturation, StringComparison.Ordinal);
        }
    }

    private static string Stat(int busy, int total) => $"cpu  1 1 1 1 0 0 0 0 0 0\ncpu0 {busy} 0 0 {total - busy} 0 0 0 0 0 0\n";
}
