using Bench.Harness.Orchestration;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Preflight;
using Bench.Harness.Workloads;

namespace Bench.UnitTests.Preflight;

/// <summary>
/// A fleet larger than one process's descriptor limit (18,000 connections here: 20,000 minus 2,000 of headroom) gets
/// more server processes where the backend says it can use them: more workers, or several brokers.
/// </summary>
public class CellTopologyTests
{
    private static readonly string Root = RepositoryRoot.Locate();
    private static readonly BackendCatalog Catalog = BackendCatalog.Load(Root);
    private static readonly WorkloadCatalog Workloads = WorkloadCatalog.Load(Root, 3);

    private static CellPlan Cell(string backend, string workload, int scale) =>
        new(Catalog.Select([backend])[0], Workloads.Workloads[workload], scale, 1);

    [Theory]
    [InlineData("node", 1_000, 1)]
    [InlineData("node", 18_000, 1)]
    [InlineData("node", 18_001, 2)]
    [InlineData("python", 50_000, 3)]
    [InlineData("dotnet-multi", 100_000, 6)]
    public void An_mqtt_fleet_gets_one_broker_per_18000_devices_when_the_backend_takes_several(string backend, int devices, int brokers)
    {
        var cell = Cell(backend, "mqtt-fleet", devices);

        var topology = CellTopology.For(cell, SystemLimits.Typical);

        Assert.Equal(brokers, topology.Brokers);
        Assert.Null(CellPreflight.Refusal(cell, topology, SystemLimits.Typical));
        Assert.Equal(brokers > 1, topology.Description(cell)?.Contains("mosquitto instances", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void A_backend_that_takes_one_broker_keeps_one_and_preflight_says_why_a_large_fleet_cannot_run()
    {
        var backend = Catalog.Select(["node"])[0] with { Features = [] };
        var cell = new CellPlan(backend, Workloads.Workloads["mqtt-fleet"], 50_000, 1);

        var topology = CellTopology.For(cell, SystemLimits.Typical);
        var refusal = CellPreflight.Refusal(cell, topology, SystemLimits.Typical);

        Assert.Equal(1, topology.Brokers);
        Assert.NotNull(refusal);
        Assert.Contains("takes one broker", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backend_that_is_its_own_broker_gets_none_and_holds_the_fleet_in_its_one_process()
    {
        var cell = Cell("node-aedes", "mqtt-fleet", 50_000);

        var topology = CellTopology.For(cell, SystemLimits.Typical);

        Assert.Equal(0, topology.Brokers);
        Assert.Contains("single-process", CellPreflight.Refusal(cell, topology, SystemLimits.Typical), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node-cluster", 10_000, 2, false)]   // backends.yaml's 2 already hold it
    [InlineData("node-cluster", 50_000, 3, true)]
    [InlineData("python-multi", 100_000, 6, true)]
    [InlineData("dotnet-multi", 100_000, 6, true)]
    public void A_websocket_fleet_raises_the_workers_of_a_worker_scaling_backend_never_below_its_own_count(string backend, int devices, int workers, bool raised)
    {
        var cell = Cell(backend, "ws-fleet", devices);

        var topology = CellTopology.For(cell, SystemLimits.Typical);

        Assert.Equal((workers, raised, 0), (topology.Workers, topology.WorkersRaised, topology.Brokers));
        Assert.Null(CellPreflight.Refusal(cell, topology, SystemLimits.Typical));
    }

    [Theory]
    [InlineData("node")]
    [InlineData("node-offload")]
    [InlineData("hybrid")]
    public void A_websocket_fleet_beyond_one_process_is_refused_for_a_backend_without_worker_scaling(string backend)
    {
        var cell = Cell(backend, "ws-fleet", 50_000);

        var topology = CellTopology.For(cell, SystemLimits.Typical);

        Assert.False(topology.WorkersRaised);
        Assert.NotNull(CellPreflight.Refusal(cell, topology, SystemLimits.Typical));
    }

    [Fact]
    public void Workloads_without_a_fleet_keep_the_written_workers_and_start_no_broker()
    {
        var topology = CellTopology.For(Cell("node-cluster", "http-ingest", 100_000), SystemLimits.Typical);

        Assert.Equal(new CellTopology(2, 0, false), topology);
    }
}
