using Bench.Harness.Orchestration;
using Bench.Harness.Workloads;

namespace Bench.UnitTests.Workloads;

public sealed class ProfileKernelTableTests : IDisposable
{
    private readonly WorkloadFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Kernel_table_is_off_unless_the_profile_turns_it_on()
    {
        _folder
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Profile("plain", WorkloadFolder.ValidProfile)
            .Profile("with", WorkloadFolder.ValidProfile + "\nkernelTable: true\n")
            .Profile("without", WorkloadFolder.ValidProfile + "\nkernelTable: false\n");

        var catalog = WorkloadCatalog.Load(_folder.Root, 3);

        Assert.False(catalog.Profile("plain").KernelTable);
        Assert.True(catalog.Profile("with").KernelTable);
        Assert.False(catalog.Profile("without").KernelTable);
    }

    [Fact]
    public void A_kernel_table_value_that_is_not_true_or_false_is_reported_with_its_file_and_line()
    {
        _folder.Workload("fleet", WorkloadFolder.ValidFleet).Profile("p", WorkloadFolder.ValidProfile + "\nkernelTable: sometimes\n");

        var error = Assert.Single(Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, 3)).Errors);

        Assert.StartsWith("workloads/profiles/p.yaml: line 4, column 14: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_estimate_adds_the_kernel_phase_once_and_the_budget_sees_it()
    {
        _folder
            .Workload("fleet", WorkloadFolder.ValidFleet)
            .Profile("off", WorkloadFolder.ValidProfile)
            .Profile("on", WorkloadFolder.ValidProfile + "\nkernelTable: true\n")
            .Profile("tight", WorkloadFolder.ValidProfile + "\nkernelTable: true\nbudget: { total: 1m, startupPerCell: 1s }\n");

        var error = Assert.Single(Assert.Throws<InvalidInputException>(() => WorkloadCatalog.Load(_folder.Root, 3)).Errors);
        File.Delete(Path.Combine(_folder.Root, "workloads", "profiles", "tight.yaml"));
        var catalog = WorkloadCatalog.Load(_folder.Root, 3);

        Assert.StartsWith("workloads/profiles/tight.yaml: budget.total: the estimate for 3 backend(s) × 1 workload(s) is ", error, StringComparison.Ordinal);
        Assert.Equal(RunEstimate.KernelTable, RunEstimate.For(catalog.Profile("on"), 3) - RunEstimate.For(catalog.Profile("off"), 3));
    }

    [Theory]
    [InlineData("quick", false)]
    [InlineData("ci", false)]
    [InlineData("standard", true)]
    [InlineData("full", true)]
    public void The_standard_and_full_profiles_run_the_kernel_table_and_quick_and_ci_do_not(string profile, bool kernelTable)
    {
        var catalog = WorkloadCatalog.Load(RepositoryRoot.Locate(), 3);

        Assert.Equal(kernelTable, catalog.Profile(profile).KernelTable);
    }
}
