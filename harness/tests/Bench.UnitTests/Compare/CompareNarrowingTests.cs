using Bench.Harness.Cli;
using Bench.Harness.Orchestration;
using Bench.Harness.Workloads;

namespace Bench.UnitTests.Compare;

/// <summary>--scales and --trials narrow a profile, so the 100k cells of the full profile can run without its 48 hours.</summary>
public class CompareNarrowingTests
{
    private static readonly ProfileSpec Full = WorkloadCatalog.Load(RepositoryRoot.Locate(), 3).Profile("full");

    private static CompareRequest Request(string[] scales, int? trials = null) =>
        new("full", [], [], null, "auto") { Scales = scales, Trials = trials };

    [Fact]
    public void Scales_keep_the_profiles_order_and_trials_replace_its_count()
    {
        var errors = new List<string>();

        var narrowed = CompareCommand.Narrowed(Full, Request(["100000", "50_000"], trials: 1), errors);

        Assert.Empty(errors);
        Assert.Equal([50_000, 100_000], narrowed.Scales);
        Assert.Equal(1, narrowed.Trials);
        Assert.Equal(Full.Workloads, narrowed.Workloads);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once()
    {
        var errors = new List<string>();

        CompareCommand.Narrowed(Full, Request(["25000", "lots"], trials: 0), errors);

        Assert.Equal(
            [
                "--scales: 25000 is not a scale of profile 'full' (it has 1000, 10000, 50000, 100000)",
                "--scales: 'lots' is not a whole number of devices",
                "--trials: 0 is not between 1 and 100",
            ],
            errors);
    }

    [Fact]
    public void Nothing_given_leaves_the_profile_as_it_is()
    {
        var errors = new List<string>();

        Assert.Same(Full, CompareCommand.Narrowed(Full, Request([]), errors));
        Assert.Empty(errors);
    }
}
