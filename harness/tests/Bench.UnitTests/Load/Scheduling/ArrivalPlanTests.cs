using Bench.Load.Scheduling;

namespace Bench.UnitTests.Load.Scheduling;

public class ArrivalPlanTests
{
    private const long Nanoseconds = 1_000_000_000;

    [Fact]
    public void Counts_are_exact_over_constant_ramp_and_idle_stages()
    {
        var plan = new ArrivalPlan(
            ArrivalStage.Constant(10, TimeSpan.FromSeconds(1)),
            ArrivalStage.Ramp(10, 30, TimeSpan.FromSeconds(2)),
            ArrivalStage.Constant(0, TimeSpan.FromSeconds(1)),
            ArrivalStage.Constant(5, TimeSpan.FromSeconds(2)));

        Assert.Equal(10 + 40 + 0 + 10, plan.TotalSends);
        Assert.Equal(TimeSpan.FromSeconds(6), plan.Duration);
        Assert.Equal(10, plan.SendsDueBy(TimeSpan.FromSeconds(0.999)));
        Assert.Equal(50, plan.SendsDueBy(TimeSpan.FromSeconds(3.5)));
        Assert.Equal(60, plan.SendsDueBy(TimeSpan.FromSeconds(60)));
        // The first send after the idle stage is due when it starts.
        Assert.Equal(4 * Nanoseconds, plan.OffsetOf(50, Nanoseconds));
    }

    [Fact]
    public void Constant_rate_sends_are_due_at_i_over_rate_without_drift_over_a_million_sends()
    {
        var plan = new ArrivalPlan(ArrivalStage.Constant(100_000, TimeSpan.FromSeconds(10)));

        Assert.Equal(1_000_000, plan.TotalSends);
        for (long i = 0; i < plan.TotalSends; i++)
        {
            long expected = i * 10_000;
            long actual = plan.OffsetOf(i, Nanoseconds);
            if (actual != expected)
            {
                Assert.Fail($"send {i} due at {actual} ns, expected {expected} ns");
            }
        }
    }

    [Fact]
    public void Non_integral_periods_stay_within_one_tick_of_the_exact_time_over_a_million_sends()
    {
        var plan = new ArrivalPlan(ArrivalStage.Constant(3, TimeSpan.FromSeconds(400_000)));

        foreach (long i in new long[] { 1, 2, 3, 299_999, 999_998, 999_999 })
        {
            long exact = (long)Math.Floor(i * (decimal)Nanoseconds / 3);
            Assert.InRange(plan.OffsetOf(i, Nanoseconds), exact - 1, exact + 1);
        }
    }

    [Fact]
    public void A_ramp_from_zero_integrates_to_a_quadratic_schedule()
    {
        // Rate 0 -> 100/s over 10 s: N(t) = 5 t^2, 500 sends; send i is due at sqrt(i / 5) s.
        var plan = new ArrivalPlan(ArrivalStage.Ramp(0, 100, TimeSpan.FromSeconds(10)));

        Assert.Equal(500, plan.TotalSends);
        Assert.Equal(0, plan.OffsetOf(0, Nanoseconds));
        Assert.Equal(5 * Nanoseconds, plan.OffsetOf(125, Nanoseconds), tolerance: 1);
        Assert.Equal((long)(Math.Sqrt(499 / 5.0) * Nanoseconds), plan.OffsetOf(499, Nanoseconds), tolerance: 1);
        Assert.Equal(126, plan.SendsDueBy(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_ramp_down_integrates_like_the_mirror_image_ramp_up()
    {
        var down = new ArrivalPlan(ArrivalStage.Ramp(100, 0, TimeSpan.FromSeconds(10)));

        Assert.Equal(500, down.TotalSends);
        // N(t) = 100 t - 5 t^2 reaches 375 at t = 5 s.
        Assert.Equal(5 * Nanoseconds, down.OffsetOf(375, Nanoseconds), tolerance: 1);
        for (long i = 1; i < down.TotalSends; i++)
        {
            Assert.True(down.OffsetOf(i, Nanoseconds) > down.OffsetOf(i - 1, Nanoseconds));
        }
    }

    [Fact]
    public void Due_counts_agree_with_offsets_at_every_send()
    {
        var plan = new ArrivalPlan(
            ArrivalStage.Ramp(1, 50, TimeSpan.FromSeconds(3)),
            ArrivalStage.Constant(50, TimeSpan.FromSeconds(1)),
            ArrivalStage.Ramp(50, 7, TimeSpan.FromSeconds(2)));
        const long ticksPerSecond = TimeSpan.TicksPerSecond;

        for (long i = 0; i < plan.TotalSends; i++)
        {
            long offset = plan.OffsetOf(i, ticksPerSecond);
            Assert.True(plan.SendsDueBy(TimeSpan.FromTicks(offset + 1)) >= i + 1, $"send {i} is due at {offset}");
            Assert.True(plan.SendsDueBy(TimeSpan.FromTicks(offset - 1)) <= i, $"send {i} is not due before {offset}");
        }
    }

    [Theory]
    [InlineData(0.0, 10.0, 10.0)]
    [InlineData(1.0, -1.0, 10.0)]
    [InlineData(1.0, 10.0, double.NaN)]
    public void Invalid_stages_are_rejected(double seconds, double startRate, double endRate)
    {
        Assert.Throws<ArgumentException>(() => new ArrivalPlan(new ArrivalStage(TimeSpan.FromSeconds(seconds), startRate, endRate)));
    }
}
