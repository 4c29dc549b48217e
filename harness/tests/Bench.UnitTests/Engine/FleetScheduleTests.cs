using Bench.Load.Engine;

namespace Bench.UnitTests.Engine;

public sealed class FleetScheduleTests
{
    private const long Frequency = 1_000_000_000;

    [Fact]
    public void Every_device_starts_within_its_own_interval_and_intervals_stay_within_the_jitter()
    {
        var schedule = new FleetSchedule(1000, TimeSpan.FromSeconds(1), 0.1, seed: 7, Frequency);

        for (int d = 0; d < schedule.Devices; d++)
        {
            Assert.InRange(schedule.IntervalOf(d), 900_000_000, 1_100_000_000);
            Assert.InRange(schedule.PhaseOf(d), 0, schedule.IntervalOf(d) - 1);
        }
    }

    [Fact]
    public void Phases_spread_the_fleet_over_the_interval_instead_of_firing_together()
    {
        var schedule = new FleetSchedule(1000, TimeSpan.FromSeconds(1), 0, seed: 1, Frequency);

        var perTenth = Enumerable.Range(0, 1000).GroupBy(d => schedule.PhaseOf(d) / 100_000_000).Select(g => g.Count()).ToList();

        Assert.Equal(10, perTenth.Count);
        Assert.All(perTenth, count => Assert.InRange(count, 50, 150));
    }

    [Fact]
    public void Due_times_come_from_the_start_so_the_millionth_message_has_not_drifted()
    {
        var schedule = new FleetSchedule(3, TimeSpan.FromMilliseconds(10), 0, seed: 3, Frequency);

        Assert.Equal(schedule.PhaseOf(2) + (1_000_000L * 10_000_000), schedule.OffsetOf(2, 1_000_000));
    }

    [Fact]
    public void The_same_seed_gives_the_same_fleet_and_another_seed_another()
    {
        var first = new FleetSchedule(50, TimeSpan.FromSeconds(1), 0.2, seed: 5, Frequency);
        var again = new FleetSchedule(50, TimeSpan.FromSeconds(1), 0.2, seed: 5, Frequency);
        var other = new FleetSchedule(50, TimeSpan.FromSeconds(1), 0.2, seed: 6, Frequency);

        Assert.All(Enumerable.Range(0, 50), d => Assert.Equal(first.OffsetOf(d, 3), again.OffsetOf(d, 3)));
        Assert.Contains(Enumerable.Range(0, 50), d => first.OffsetOf(d, 3) != other.OffsetOf(d, 3));
    }
}
