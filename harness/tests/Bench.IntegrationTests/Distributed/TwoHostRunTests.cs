using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bench.Harness.Agents;
using Bench.Harness.Orchestration;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Distributed;

/// <summary>
/// <c>bench run --remote-agents</c> across two network namespaces standing in for two hosts: the node backend and the
/// controller in A (10.200.0.1), two <c>bench agent --listen</c> in B (10.200.0.2). Every send crosses the veth pair.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class TwoHostRunTests
{
    private const string Token = "two-host-test-token-0123456789";
    private static readonly string Root = RepositoryRoot.Locate();
    private static readonly string BenchDll = AgentLaunch.Spec(Root).Arguments[0];
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(30);

    [NetnsFact(Timeout = 180_000)]
    public async Task Agents_on_another_host_load_the_backend_and_their_results_merge()
    {
        await using var hosts = await NamespacePair.CreateAsync();
        await using var backend = NamespacedProcess.Start(hosts.A, Path.Combine(Root, "node-reference"), new Dictionary<string, string> { ["NODE_ENV"] = "production" },
            "BENCH-READY", "node", "src/server.js", "--host", NamespacePair.AddressA, "--port", "0", "--workers", "1");
        await using var agent1 = StartAgent(hosts.B);
        await using var agent2 = StartAgent(hosts.B);
        var backendPort = await backend.WaitForPortAsync(ReadyDeadline);
        var agentPorts = new[] { await agent1.WaitForPortAsync(ReadyDeadline), await agent2.WaitForPortAsync(ReadyDeadline) };
        var summaryPath = Path.Combine(Path.GetTempPath(), $"bench-two-host-{Environment.ProcessId}.json");

        await using var controller = NamespacedProcess.Start(hosts.A, Root, new Dictionary<string, string> { ["BENCH_AGENT_TOKEN"] = Token, ["NO_COLOR"] = "1" },
            "never", "dotnet", BenchDll, "run", "--target", $"http://{NamespacePair.AddressA}:{backendPort}", "--workload", "http-ingest",
            "--remote-agents", string.Join(',', agentPorts.Select(p => $"{NamespacePair.AddressB}:{p}")),
            "--devices", "40", "--duration", "3", "--warmup", "1", "--summary-json", summaryPath);
        await controller.Exited.WaitAsync(TimeSpan.FromSeconds(120));

        var output = controller.Output;
        Assert.True(File.Exists(summaryPath), output);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath));
        File.Delete(summaryPath);
        Assert.Equal("completed", summary.RootElement.GetProperty("status").GetString());
        var ok = summary.RootElement.GetProperty("ok").GetInt64();
        Assert.True(ok > 0, output);
        Assert.Contains("2 remote agent(s) ready", output, StringComparison.Ordinal);
        var perAgent = AgentRow().Matches(output).ToDictionary(m => m.Groups["agent"].Value, m => long.Parse(m.Groups["ok"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(["agent-1", "agent-2"], perAgent.Keys.Order());
        Assert.All(perAgent.Values, agentOk => Assert.True(agentOk > 0, output));
        Assert.Equal(ok, perAgent.Values.Sum());

        // --sessions 1: each agent ends on its own once its controller has gone, and says it served it.
        await Task.WhenAll(agent1.Exited, agent2.Exited).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal([0, 0], new[] { agent1.ExitCode, agent2.ExitCode });
        Assert.Contains($"agent: serving {NamespacePair.AddressA}:", agent1.Output, StringComparison.Ordinal);
    }

    private static NamespacedProcess StartAgent(string ns) =>
        NamespacedProcess.Start(ns, Root, new Dictionary<string, string> { ["BENCH_AGENT_TOKEN"] = Token }, "BENCH-AGENT-LISTENING",
            "dotnet", BenchDll, "agent", "--listen", $"{NamespacePair.AddressB}:0", "--allow-targets", $"{NamespacePair.AddressA}/32", "--sessions", "1");

    /// <summary>A row of the per-agent table: agent, devices, sent, ok, errors, outcome.</summary>
    [GeneratedRegex(@"^\s*(?<agent>agent-\d+)\s+[\d,]+\s+[\d,]+\s+(?<ok>[\d,]+)\s+[\d,]+\s+ok\s*$", RegexOptions.Multiline)]
    private static partial Regex AgentRow();
}
