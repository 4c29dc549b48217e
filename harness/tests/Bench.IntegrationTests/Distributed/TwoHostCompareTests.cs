using Bench.Harness.Agents;
using Bench.Harness.Orchestration;
using Bench.Harness.Results;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Distributed;

/// <summary>
/// <c>bench compare --agents</c> across two network namespaces standing in for two hosts: compare, its backend and its
/// broker in A (listening on 10.200.0.1), two <c>bench agent --listen</c> in B (10.200.0.2). Every device's traffic
/// crosses the veth pair, over WebSocket to the backend and over MQTT to the broker.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class TwoHostCompareTests : IDisposable
{
    private const string Token = "two-host-compare-token-0123456789";
    private static readonly string Root = RepositoryRoot.Locate();
    private static readonly string BenchDll = AgentLaunch.Spec(Root).Arguments[0];
    private readonly string _out = Directory.CreateTempSubdirectory("bench-two-host-compare-").FullName;

    [NetnsFact(Timeout = 300_000)]
    public async Task Compare_loads_its_backend_and_broker_from_agents_on_another_host()
    {
        await using var hosts = await NamespacePair.CreateAsync();
        // One controller session per cell: ws-fleet, then mqtt-fleet.
        await using var agent1 = StartAgent(hosts.B, sessions: 2);
        await using var agent2 = StartAgent(hosts.B, sessions: 2);
        var endpoints = new[] { await agent1.WaitForPortAsync(TimeSpan.FromSeconds(30)), await agent2.WaitForPortAsync(TimeSpan.FromSeconds(30)) }
            .Select(p => $"{NamespacePair.AddressB}:{p}").ToList();

        await using var compare = NamespacedProcess.Start(hosts.A, Root, new Dictionary<string, string> { ["BENCH_AGENT_TOKEN"] = Token, ["NO_COLOR"] = "1" },
            "never", "dotnet", BenchDll, "compare", "--profile", "ci", "--backends", "node", "--workloads", "ws-fleet,mqtt-fleet", "--trials", "1",
            "--listen-host", NamespacePair.AddressA, "--agents", string.Join(',', endpoints), "--no-report", "--out", _out);
        await compare.Exited.WaitAsync(TimeSpan.FromSeconds(240));

        var output = compare.Output;
        Assert.True(compare.ExitCode == 0, output);
        var results = ResultsReader.Load(Path.Combine(_out, ResultsWriter.ResultsFileName));
        Assert.Equal(["mqtt-fleet", "ws-fleet"], results.Cells.Select(c => c.Workload).Order());
        Assert.All(results.Cells, cell =>
        {
            Assert.Equal(CellStatus.Ok, cell.Status);
            Assert.Equal(0, cell.Metrics[MetricNames.Errors].Value);
            Assert.True(cell.Metrics[MetricNames.Throughput].Value > 0, cell.Key);
        });
        Assert.Contains($"2 remote agent(s) at {endpoints[0]}, {endpoints[1]}; backends and brokers listen on {NamespacePair.AddressA}", results.Settings["agents"], StringComparison.Ordinal);

        // Each agent served both cells' controllers from host A, then ended on its own (--sessions 2).
        await Task.WhenAll(agent1.Exited, agent2.Exited).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal([0, 0], new[] { agent1.ExitCode, agent2.ExitCode });
        foreach (var agent in new[] { agent1, agent2 })
        {
            Assert.Equal(2, agent.Output.Split('\n').Count(l => l.Contains($"agent: serving {NamespacePair.AddressA}:", StringComparison.Ordinal)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_out, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static NamespacedProcess StartAgent(string ns, int sessions) =>
        NamespacedProcess.Start(ns, Root, new Dictionary<string, string> { ["BENCH_AGENT_TOKEN"] = Token }, "BENCH-AGENT-LISTENING",
            "dotnet", BenchDll, "agent", "--listen", $"{NamespacePair.AddressB}:0", "--allow-targets", $"{NamespacePair.AddressA}/32", "--sessions", sessions.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
