using Bench.Harness.Workloads;

namespace Bench.UnitTests.Workloads;

public class RateLadderSpecTests
{
    [Fact]
    public void Rates_grow_geometrically_and_include_a_max_rate_on_the_ladder()
    {
        Assert.Equal([100, 200, 400, 800], new RateLadderSpec(100, 2, 800).Rates);
        Assert.Equal([100, 150, 225], new RateLadderSpec(100, 1.5, 300).Rates);
    }

    [Fact]
    public void A_ladder_never_exceeds_the_step_limit()
    {
        Assert.Equal(RateLadderSpec.MaxSteps, new RateLadderSpec(1, 1.0001, 1e9).Rates.Count);
    }
}
