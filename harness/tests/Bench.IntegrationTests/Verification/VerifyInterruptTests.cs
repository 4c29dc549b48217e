using Bench.Harness.Orchestration;
using Bench.Harness.Supervision;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Verification;

/// <summary>Ctrl-C during `bench verify`: the harness exits promptly and nothing it started stays alive.</summary>
[Collection(ProcessCollection.Name)]
public sealed class VerifyInterruptTests
{
    [Fact(Timeout = 120_000)]
    public async Task Sigint_mid_verify_exits_within_5_s_and_leaves_no_process_behind()
    {
        var root = RepositoryRoot.Locate();
        var bench = Path.Combine(root, "harness/src/Bench.Harness/bin", BuildConfiguration, "net10.0/bench.dll");
        var spec = new ProcessSpec("bench", "dotnet", [bench, "verify", "--backends", "python"], root, new Dictionary<string, string>());
        var harness = SupervisedProcess.Start(spec, line => line.Contains("python: analyze", StringComparison.Ordinal));
        await harness.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        var children = ProcessTree.Descendants(harness.Pid);
        Assert.Contains(children, pid => File.ReadAllText($"/proc/{pid}/cmdline").Contains("mosquitto", StringComparison.Ordinal));

        PosixSignals.Send(harness.Pid, PosixSignals.SigInt);
        var exited = await Task.WhenAny(harness.Exited, Task.Delay(TimeSpan.FromSeconds(5))) == harness.Exited;
        await harness.StopAsync(TimeSpan.FromSeconds(1));

        Assert.True(exited, "bench verify did not exit within 5 s of SIGINT");
        Assert.Equal(3, await harness.Exited);
        Assert.All(children, pid => Assert.False(ProcessTree.IsAlive(pid), $"pid {pid} outlived the harness"));
    }

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
}
