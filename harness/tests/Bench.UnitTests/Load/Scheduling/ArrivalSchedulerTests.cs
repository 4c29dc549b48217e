using Bench.Load.Scheduling;

namespace Bench.UnitTests.Load.Scheduling;

public class ArrivalSchedulerTests
{
    private const long Frequency = 1_000; // milliseconds keep the arithmetic readable
    private const long Start = 50_000;

    [Fact]
    public void Releases_each_send_once_when_it_is_due_with_its_intended_time()
    {
        var scheduler = Create(ArrivalStage.Constant(10, TimeSpan.FromSeconds(1)), maxInFlight: 100);
        var due = new ScheduledSend[16];

        Assert.Equal(1, scheduler.Poll(Start, due));
        Assert.Equal(new ScheduledSend(0, Start), due[0]);
        Assert.Equal(0, scheduler.Poll(Start + 99, due));
        Assert.Equal(Start + 100, scheduler.NextDueTimestamp);
        Assert.Equal(3, scheduler.Poll(Start + 350, due));
        Assert.Equal(new[] { Start + 100, Start + 200, Start + 300 }, due[..3].Select(send => send.IntendedTimestamp));
        Assert.Equal(6, scheduler.Poll(Start + 10_000, due));
        Assert.True(scheduler.IsFinished);
        Assert.Equal(long.MaxValue, scheduler.NextDueTimestamp);
        Assert.Equal(10, scheduler.Released);
        Assert.Equal(0, scheduler.Late);
    }

    [Fact]
    public void Sends_beyond_the_output_span_wait_for_the_next_poll_and_are_not_late()
    {
        var scheduler = Create(ArrivalStage.Constant(100, TimeSpan.FromSeconds(1)), maxInFlight: 1_000);
        var due = new ScheduledSend[30];

        int first = scheduler.Poll(Start + 1_000, due);
        int second = scheduler.Poll(Start + 1_000, due);
        int rest = scheduler.Poll(Start + 1_000, due) + scheduler.Poll(Start + 1_000, due);

        Assert.Equal((30, 30, 40), (first, second, rest));
        Assert.Equal(0, scheduler.Late);
    }

    [Fact]
    public void Queued_sends_wait_for_a_free_slot_keep_their_intended_time_and_count_late()
    {
        var scheduler = Create(ArrivalStage.Constant(10, TimeSpan.FromSeconds(1)), maxInFlight: 2, BackpressurePolicy.Queue);
        var due = new ScheduledSend[16];

        Assert.Equal(2, scheduler.Poll(Start + 400, due));
        Assert.Equal(0, scheduler.Poll(Start + 450, due));
        scheduler.Complete();
        Assert.Equal(1, scheduler.Poll(Start + 600, due));

        Assert.Equal(new ScheduledSend(2, Start + 200), due[0]);
        Assert.Equal(1, scheduler.Late);
        Assert.Equal(0, scheduler.Dropped);
        Assert.Equal(2, scheduler.InFlight);
    }

    [Fact]
    public void Sends_due_while_every_slot_is_busy_are_dropped_under_the_drop_policy()
    {
        var scheduler = Create(ArrivalStage.Constant(10, TimeSpan.FromSeconds(1)), maxInFlight: 2, BackpressurePolicy.Drop);
        var due = new ScheduledSend[16];

        Assert.Equal(2, scheduler.Poll(Start + 400, due));
        scheduler.Complete();
        Assert.Equal(1, scheduler.Poll(Start + 500, due));

        Assert.Equal(new ScheduledSend(5, Start + 500), due[0]);
        Assert.Equal(3, scheduler.Dropped);
        Assert.Equal(0, scheduler.Late);
    }

    [Fact]
    public void Every_send_is_released_dropped_or_pending_over_a_million_sends_with_no_drift()
    {
        var plan = new ArrivalPlan(ArrivalStage.Constant(100_000, TimeSpan.FromSeconds(10)));
        var scheduler = new ArrivalScheduler(plan, Start, 1_000_000_000, maxInFlight: 64, BackpressurePolicy.Drop);
        var due = new ScheduledSend[256];
        long expectedIndex = 0;
        long now = Start;
        while (!scheduler.IsFinished)
        {
            now += 1_234_567; // an uneven poll cadence
            int count = scheduler.Poll(now, due);
            foreach (ScheduledSend send in due.AsSpan(0, count))
            {
                Assert.True(send.Index >= expectedIndex);
                Assert.Equal(Start + (send.Index * 10_000), send.IntendedTimestamp);
                expectedIndex = send.Index + 1;
                scheduler.Complete();
            }
        }

        Assert.Equal(1_000_000, scheduler.Released + scheduler.Dropped);
        Assert.Equal(0, scheduler.InFlight);
    }

    [Fact]
    public void Starting_on_a_time_provider_anchors_the_plan_at_its_timestamp()
    {
        var clock = new FixedClock(timestamp: 777, frequency: Frequency);
        var scheduler = ArrivalScheduler.Start(
            new ArrivalPlan(ArrivalStage.Constant(4, TimeSpan.FromSeconds(1))), clock, 10, BackpressurePolicy.Queue);

        Assert.Equal(777, scheduler.StartTimestamp);
        Assert.Equal(777 + 750, scheduler.IntendedTimestampOf(3));
    }

    [Fact]
    public void Completing_more_sends_than_were_released_is_an_error()
    {
        var scheduler = Create(ArrivalStage.Constant(1, TimeSpan.FromSeconds(1)), maxInFlight: 1);

        Assert.Throws<InvalidOperationException>(scheduler.Complete);
        Assert.Equal(0, scheduler.InFlight);
    }

    private static ArrivalScheduler Create(
        ArrivalStage stage, int maxInFlight, BackpressurePolicy policy = BackpressurePolicy.Queue) =>
        new(new ArrivalPlan(stage), Start, Frequency, maxInFlight, policy);

    private sealed class FixedClock(long timestamp, long frequency) : TimeProvider
    {
        public override long TimestampFrequency => frequency;

        public override long GetTimestamp() => timestamp;
    }
}
