using Bench.Harness.Orchestration;
using Bench.Harness.Supervision;
using Bench.Harness.Verification;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Verification;

/// <summary>verify against the real backends and the real mosquitto, and against children that break the contract.</summary>
[Collection(ProcessCollection.Name)]
public sealed class VerifyGateTests
{
    private static readonly string Root = RepositoryRoot.Locate();

    [Theory(Timeout = 240_000)]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("dotnet")]
    public async Task Every_contract_check_passes_for_the_shipped_backend(string name)
    {
        var spec = BackendCatalog.Load(Root).Select([name])[0];
        await using var broker = await MosquittoBroker.StartAsync(null, CancellationToken.None);

        var result = await new BackendVerifier(Root, ContractVectors.Load(Root), broker.Url).VerifyAsync(spec, null, CancellationToken.None);

        var failures = result.Checks.Where(c => c.Outcome == CheckOutcome.Fail).Select(c => $"{c.Group}: {c.Name} — {c.Detail}");
        Assert.True(result.Passed, string.Join(Environment.NewLine, failures.Concat(result.LastOutput)));
        Assert.Contains(result.Checks, c => c.Group == "mqtt" && c.Outcome == CheckOutcome.Pass);
        Assert.Equal(0, ChildProcessRegistry.Count - 1); // only the broker is still running
    }

    [Fact(Timeout = 120_000)]
    public async Task A_backend_that_dies_at_start_is_a_failed_result_with_its_last_lines()
    {
        var result = await new BackendVerifier(Root, ContractVectors.Load(Root), null).VerifyAsync(WorkerBackend("crash"), null, CancellationToken.None);

        Assert.False(result.Passed);
        var start = Assert.Single(result.Checks);
        Assert.Equal(CheckOutcome.Fail, start.Outcome);
        Assert.Contains("exited with code 42", start.Detail, StringComparison.Ordinal);
        Assert.Contains("fatal: simulated start-up failure", result.LastOutput);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_backend_that_serves_nothing_fails_every_group_but_verify_completes_and_stops_it()
    {
        var result = await new BackendVerifier(Root, ContractVectors.Load(Root), null).VerifyAsync(WorkerBackend("ready"), null, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains(result.Checks, c => c.Group == "http" && c.Outcome == CheckOutcome.Fail);
        Assert.Contains(result.Checks, c => c.Group == "analyze" && c.Outcome == CheckOutcome.Fail);
        Assert.Contains(result.Checks, c => c.Name.StartsWith("SIGTERM", StringComparison.Ordinal) && c.Outcome == CheckOutcome.Pass);
        Assert.Equal(0, ChildProcessRegistry.Count);
    }

    /// <summary>The dummy child dressed as a backend: it prints a ready line with the port it was given and serves nothing.</summary>
    private static BackendSpec WorkerBackend(string mode) =>
        new("testworker", "dummy", "dotnet", "harness", "dotnet", [TestWorker.DllPath, mode, "{port}"], new Dictionary<string, string>(), new Dictionary<string, string>());
}
