using System.Diagnostics;
using Bench.Load.Scheduling;
using BenchmarkDotNet.Attributes;

namespace Bench.Micro.HotPaths;

/// <summary>
/// One tick of the open-model pacing loop: poll the scheduler for the sends due, then complete them as their
/// replies would. A tick is 1 ms of the plan; the rate decides how many sends fall due in it. The idle tick
/// (nothing due) is the baseline: what the loop costs when it only looks at the clock.
/// </summary>
public class ArrivalSchedulerBenchmarks
{
    private readonly ScheduledSend[] _due = new ScheduledSend[256];
    private readonly long _tick = Stopwatch.Frequency / 1000;
    private Pacer _idle = null!;
    private Pacer _slow = null!;
    private Pacer _fast = null!;

    [GlobalSetup]
    public void Setup()
    {
        _idle = new Pacer(1e-6, 0);
        _slow = new Pacer(1_000, _tick);
        _fast = new Pacer(100_000, _tick);
    }

    [Benchmark(Baseline = true)]
    public int IdleTick() => _idle.Tick(_due);

    [Benchmark]
    public int TickAt1kPerSecond() => _slow.Tick(_due);

    [Benchmark]
    public int TickAt100kPerSecond() => _fast.Tick(_due);

    private sealed class Pacer(double rate, long step)
    {
        // A week-long plan: no benchmark run reaches its end. At 1e-6/s its only send is a week away.
        private readonly ArrivalScheduler _scheduler = new(
            new ArrivalPlan(ArrivalStage.Constant(rate, TimeSpan.FromDays(7))), 1, Stopwatch.Frequency, 100_000, BackpressurePolicy.Queue);

        private long _now;

        public int Tick(Span<ScheduledSend> due)
        {
            _now += step;
            var released = 0;
            int count;
            while ((count = _scheduler.Poll(_now, due)) > 0)
            {
                released += count;
                for (var i = 0; i < count; i++)
                    _scheduler.Complete();
            }
            return released;
        }
    }
}
