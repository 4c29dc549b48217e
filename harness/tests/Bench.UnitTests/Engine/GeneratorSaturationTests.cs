using Bench.Load.Monitoring;

namespace Bench.UnitTests.Engine;

public sealed class GeneratorSaturationTests
{
    [Fact]
    public void A_generator_with_cpu_to_spare_and_every_send_on_time_is_not_saturated()
    {
        var verdict = GeneratorSaturation.Evaluate([0.4, 0.5, 0.95, 0.6], sent: 10_000, late: 50, dropped: 0);

        Assert.False(verdict.IsSaturated);
        Assert.Null(verdict.Reason);
    }

    [Fact]
    public void Cpu_at_or_above_ninety_percent_for_most_seconds_is_saturation()
    {
        var verdict = GeneratorSaturation.Evaluate([0.9, 0.97, 0.5, 0.92, 0.99], sent: 10_000, late: 0, dropped: 0);

        Assert.True(verdict.IsSaturated);
        Assert.Contains("CPU", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_one_percent_late_or_dropped_is_saturation_even_with_idle_cpu()
    {
        var verdict = GeneratorSaturation.Evaluate([0.1, 0.1], sent: 1_000, late: 6, dropped: 5);

        Assert.True(verdict.IsSaturated);
        Assert.Contains("11 of 1005 sends late or dropped", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_one_percent_late_is_still_acceptable()
    {
        Assert.False(GeneratorSaturation.Evaluate([], sent: 1_000, late: 10, dropped: 0).IsSaturated);
    }
}
