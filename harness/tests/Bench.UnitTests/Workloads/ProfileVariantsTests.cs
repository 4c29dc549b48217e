using Bench.Harness.Orchestration;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Workloads;

namespace Bench.UnitTests.Workloads;

/// <summary>A profile's variants: architecture variants that run only the workloads their claims need.</summary>
public sealed class ProfileVariantsTests : IDisposable
{
    private static readonly IReadOnlyList<BackendSpec> Lineup = BackendCatalog.Load(RepositoryRoot.Locate()).Backends;

    private readonly WorkloadFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_variant_runs_only_where_it_is_listed_while_the_plain_backends_run_everything()
    {
        _folder
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Workload("other", WorkloadFolder.ValidFleet)
            .Profile("p", WorkloadFolder.ValidProfile + "\nbackends: [node, python]\nvariants:\n  fleet: [node-cluster]\n");
        var profile = WorkloadCatalog.Load(_folder.Root, 3, Lineup).Profile("p");
        var backends = Pick("node", "python", "node-cluster");

        var cells = CellPlan.For(profile, backends);

        Assert.Equal(
            ["node/fleet", "python/fleet", "node-cluster/fleet", "node/other", "python/other"],
            cells.Select(c => $"{c.Backend.Name}/{c.Workload.Name}"));
        Assert.Equal(["node-cluster"], profile.VariantBackends);
        // The estimate counts what runs: 5 cells, not 3 backends × 2 workloads.
        Assert.Equal(RunEstimate.For(profile, w => 1) * 5 / 2, RunEstimate.For(profile, backends));
    }

    [Fact]
    public void A_backend_that_is_also_a_plain_contender_runs_every_workload()
    {
        _folder
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Workload("other", WorkloadFolder.ValidFleet)
            .Profile("p", WorkloadFolder.ValidProfile + "\nbackends: [node]\nvariants:\n  fleet: [node]\n");
        var profile = WorkloadCatalog.Load(_folder.Root, 3, Lineup).Profile("p");

        Assert.Equal(2, CellPlan.For(profile, Pick("node")).Count);
    }

    [Fact]
    public void Variants_need_a_backends_list_known_workloads_and_known_backends()
    {
        _folder
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Profile("a", WorkloadFolder.ValidProfile + "\nvariants:\n  fleet: [node-cluster]\n")
            .Profile("b", WorkloadFolder.ValidProfile + "\nbackends: [node]\nvariants:\n  nosuch: [node-cluster]\n  fleet: [node-clustr]\n");

        var errors = Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, 3, Lineup)).Errors;

        Assert.Equal(
            [
                "workloads/profiles/a.yaml: variants: needs a backends list: variants are added to it on some workloads (without one, every backend runs everything)",
                "workloads/profiles/b.yaml: variants.nosuch: is not one of this profile's workloads (fleet)",
                "workloads/profiles/b.yaml: variants.fleet: 'node-clustr' is not a backend in workloads/backends.yaml",
            ],
            errors);
    }

    [Fact]
    public void The_shipped_standard_profile_runs_each_variant_only_on_its_claims_workload()
    {
        var standard = WorkloadCatalog.Load(RepositoryRoot.Locate(), Lineup.Count, Lineup).Profile("standard");
        var lineup = Pick("node", "python", "dotnet", "node-cluster", "python-multi", "node-offload", "python-offload", "hybrid");

        var cells = CellPlan.For(standard, lineup);

        string[] Ran(string backend) => [.. cells.Where(c => c.Backend.Name == backend).Select(c => c.Workload.Name).Distinct()];
        Assert.Equal(["ws-fleet"], Ran("node-cluster"));
        Assert.Equal(["mixed"], Ran("python-offload"));
        Assert.Equal(["pipeline"], Ran("hybrid"));
        Assert.Equal(["http-ingest", "ws-fleet", "mqtt-fleet", "cpu-jobs", "mixed"], Ran("python"));
        Assert.True(standard.Budget!.Total >= RunEstimate.For(standard, lineup));
    }

    private static List<BackendSpec> Pick(params string[] names) => [.. names.Select(n => Lineup.Single(b => b.Name == n))];
}
