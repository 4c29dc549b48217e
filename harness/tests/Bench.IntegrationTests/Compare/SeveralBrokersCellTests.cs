using Bench.Harness.Orchestration;
using Bench.Harness.Orchestration.Compare;
using Bench.Harness.Results;
using Bench.Harness.Verification;
using Bench.Harness.Workloads;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Compare;

/// <summary>
/// An MQTT fleet spread over several real mosquitto instances, as compare runs one beyond 18,000 devices, here at a
/// small scale with the topology given: every device is answered only if the backend subscribed to every broker.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class SeveralBrokersCellTests
{
    [Theory(Timeout = 180_000)]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("dotnet")]
    public async Task A_fleet_over_two_brokers_is_acknowledged_through_both_and_records_the_topology(string backendName)
    {
        var root = RepositoryRoot.Locate();
        var workloads = WorkloadCatalog.Load(root, 3);
        var profile = workloads.Profile("ci") with { Durations = new PhaseDurations(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1)) };
        var cell = new CellPlan(BackendCatalog.Load(root).Select([backendName])[0], workloads.Workloads["mqtt-fleet"], 300, 1);
        var phases = new List<string>();
        var runner = new CellRunner(root, profile, ContractVectors.Load(root), CpuPlacement.None);

        var result = await runner.RunAsync(cell, new CellTopology(1, 2, false), new Progress<CellProgress>(p => { lock (phases) { phases.Add(p.Phase); } }), CancellationToken.None);

        Assert.True(result.Status == CellStatus.Ok, $"{result.Status}: {result.Failure?.Reason}");
        Assert.Equal((300.0, 0.0), (result.Metrics[MetricNames.OpenConnections].Value, result.Metrics[MetricNames.ConnectFailures].Value));
        Assert.Equal(0, result.Metrics[MetricNames.Errors].Value);
        // 300 devices every 5 s over 6 s measured: about 360 acks, half of them through the second broker.
        Assert.InRange(result.Metrics[MetricNames.Throughput].Value * 6, 250, 450);
        Assert.True(result.Metrics[MetricNames.BrokerRssMax].Value > 0);
        lock (phases)
        {
            Assert.Contains("starting 2 mosquitto instances", phases);
        }
    }
}
