using Bench.Harness.Agents;
using Bench.Harness.Orchestration;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Preflight;
using Bench.Harness.Workloads;

namespace Bench.UnitTests.Preflight;

/// <summary>A multi-process backend holds its worker count's worth of connections: 25,000 devices need more than one process here.</summary>
public class BackendCapacityTests
{
    private static readonly string Root = RepositoryRoot.Locate();
    private static readonly BackendCatalog Catalog = BackendCatalog.Load(Root);

    [Theory]
    [InlineData("node", false)]
    [InlineData("node-cluster", true)] // workers: 2 in workloads/backends.yaml
    public void Run_refuses_25000_websocket_devices_for_one_process_and_accepts_them_for_two(string backend, bool canRun)
    {
        var options = new RunOptions { Backend = backend, Workload = "ws-fleet", Devices = "25000", Duration = "60" };

        var (_, plan, preflight) = Bench.Harness.Cli.RunCommand.Prepare(options, Catalog, SystemLimits.Typical);

        Assert.Equal(2, plan.Agents.Count);
        Assert.Equal(canRun, preflight.CanRun);
    }

    [Theory]
    [InlineData("ws-fleet", null, 5_000)]      // the workload file: one reading per device every 5 s
    [InlineData("mqtt-fleet", null, 5_000)]
    [InlineData("http-ingest", null, 25_000)]  // no fleet interval: one per device per second
    [InlineData("ws-fleet", "100", 100)]       // --rate wins
    public void Run_sends_fleets_at_their_workload_files_interval_unless_given_a_rate(string workload, string? rate, double expected)
    {
        var options = new RunOptions { Backend = "node-cluster", Workload = workload, Devices = "25000", Rate = rate };

        var (run, _, _) = Bench.Harness.Cli.RunCommand.Prepare(options, Catalog, SystemLimits.Typical);

        Assert.Equal(expected, run.RatePerSecond, 6);
    }

    [Fact]
    public void Compare_refuses_a_fleet_cell_beyond_the_backends_processes_but_not_beyond_one()
    {
        var wsFleet = WorkloadCatalog.Load(Root, 3).Workloads["ws-fleet"];

        Assert.NotNull(CellPreflight.Refusal(wsFleet, 25_000, SystemLimits.Typical, backendProcesses: 1));
        Assert.Null(CellPreflight.Refusal(wsFleet, 25_000, SystemLimits.Typical, backendProcesses: 2));
        Assert.NotNull(CellPreflight.Refusal(wsFleet, 50_000, SystemLimits.Typical, backendProcesses: 2));
    }
}
