using Bench.Harness.Orchestration;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Workloads;

namespace Bench.UnitTests.Workloads;

/// <summary>The workload and profile files in the repository load, and the quick profile keeps its promise.</summary>
public class ShippedWorkloadTests
{
    private static readonly WorkloadCatalog Catalog = WorkloadCatalog.Load(RepositoryRoot.Locate(), backendCount: 3);

    [Fact]
    public void Every_shipped_profile_fits_its_budget_with_every_shipped_backend()
    {
        // compare validates every profile against the whole backend catalog before it starts anything.
        var root = RepositoryRoot.Locate();
        var backends = BackendCatalog.Load(root).Backends.Count;

        var catalog = WorkloadCatalog.Load(root, backends);

        Assert.Equal(4, catalog.Profiles.Count);
        Assert.Equal(["node", "python", "dotnet"], catalog.Profile("quick").Backends);
    }

    [Fact]
    public void Every_standard_workload_and_profile_loads()
    {
        Assert.Equal(["cpu-jobs", "http-ingest", "mixed", "mqtt-fleet", "pipeline", "ws-fleet"], Catalog.Workloads.Keys.Order());
        Assert.Equal(["ci", "full", "quick", "standard"], Catalog.Profiles.Keys.Order());
        Assert.All(Catalog.Workloads.Values, w => Assert.Equal(w.Name, WorkloadKinds.Name(w.Kind)));
    }

    [Fact]
    public void Quick_runs_every_workload_at_1k_devices_once_within_six_minutes_for_three_backends()
    {
        var quick = Catalog.Profile(WorkloadCatalog.DefaultProfile);

        Assert.Equal([1000], quick.Scales);
        Assert.Equal(1, quick.Trials);
        // pipeline is listed but runs only on backends with the analysis feature, none of quick's three.
        Assert.Equal(["http-ingest", "ws-fleet", "mqtt-fleet", "cpu-jobs", "mixed", "pipeline"], quick.Workloads.Select(w => w.Name));
        Assert.Equal(TimeSpan.FromMinutes(6), quick.Budget!.Total);
        Assert.InRange(RunEstimate.For(quick, backendCount: 3), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public void A_workload_that_needs_a_feature_is_planned_and_estimated_only_for_the_backends_offering_it()
    {
        var all = BackendCatalog.Load(RepositoryRoot.Locate()).Backends;
        var plain = all.Where(b => b.Name is "node" or "python" or "dotnet").ToList();
        var withHybrid = all.Where(b => b.Name is "node" or "hybrid").ToList();
        var standard = Catalog.Profile("standard");
        var pipelineOnly = standard with { Workloads = [.. standard.Workloads.Where(w => w.Name == "pipeline")] };

        Assert.Equal(["hybrid"], all.Where(b => b.Offers("analysis")).Select(b => b.Name));
        Assert.Empty(CellPlan.For(pipelineOnly, plain));
        Assert.All(CellPlan.For(pipelineOnly, withHybrid), cell => Assert.Equal("hybrid", cell.Backend.Name));
        Assert.Equal(2 * 3, CellPlan.For(pipelineOnly, withHybrid).Count); // 2 scales × 3 trials
        Assert.Equal(TimeSpan.Zero, RunEstimate.For(pipelineOnly with { KernelTable = false }, plain));
        Assert.Equal(RunEstimate.For(pipelineOnly with { KernelTable = false }, withHybrid), RunEstimate.For(pipelineOnly with { KernelTable = false }, [withHybrid[1]]));
        Assert.Equal(["node", "python", "dotnet"], CellPlan.NotApplicable(pipelineOnly, plain).Single().Backends.Select(b => b.Name));
    }

    [Fact]
    public void Profiles_grow_in_scales_and_trials()
    {
        var profiles = new[] { "ci", "quick", "standard", "full" }.Select(n => Catalog.Profile(n)).ToList();

        Assert.Equal([3, 1, 3, 5], profiles.Select(p => p.Trials)); // ci: the fewest trials the regression gate can judge
        Assert.Equal([1000, 10000, 50000, 100000], Catalog.Profile("full").Scales);
        Assert.Equal([1000, 10000], Catalog.Profile("standard").Scales);
        Assert.True(RunEstimate.For(Catalog.Profile("ci") with { Trials = 1 }, 3) < RunEstimate.For(Catalog.Profile("quick"), 3));
    }

    [Fact]
    public void The_http_ingest_ladder_and_the_cpu_job_sizes_are_as_the_issue_describes()
    {
        var ladder = Catalog.Workloads["http-ingest"].Ladder!;
        var jobs = Catalog.Workloads["cpu-jobs"].Jobs!;

        Assert.Equal(500, ladder.Rates[0]);
        Assert.Equal(750, ladder.Rates[1]);
        Assert.True(ladder.Rates[^1] <= ladder.MaxRate);
        Assert.Equal([1024, 4096, 16384], jobs.Sizes);
        Assert.Equal(SloSpec.Default, Catalog.Profile("quick").Slo);
        Assert.False(Catalog.Workloads["cpu-jobs"].ScalesWithDevices);
    }

    [Fact]
    public void An_unknown_profile_lists_the_known_ones()
    {
        var error = Assert.Throws<InvalidInputException>(() => Catalog.Profile("fast"));

        Assert.Equal("unknown profile 'fast' (known: ci, full, quick, standard)", Assert.Single(error.Errors));
    }
}
