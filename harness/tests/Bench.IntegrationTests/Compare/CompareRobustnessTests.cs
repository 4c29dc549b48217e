using Bench.Harness.Orchestration;
using Bench.Harness.Results;
using Bench.Harness.Supervision;
using Bench.IntegrationTests.Supervision;

namespace Bench.IntegrationTests.Compare;

/// <summary>`bench compare` as users run it (a child process), with a backend killed under load, and with Ctrl-C.</summary>
[Collection(ProcessCollection.Name)]
public sealed class CompareRobustnessTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("bench-compare-test-").FullName;

    [Fact(Timeout = 300_000)]
    public async Task A_backend_killed_mid_measure_is_recorded_as_crashed_and_the_others_complete()
    {
        var compare = StartCompare("node,python", line => line.Contains("devices: measuring", StringComparison.Ordinal));
        await compare.WaitUntilReadyAsync(TimeSpan.FromSeconds(150), CancellationToken.None);
        var node = ProcessTree.Descendants(compare.Pid).Single(pid => CommandLine(pid).Contains("src/server.js", StringComparison.Ordinal));
        var before = ProcessTree.Descendants(compare.Pid);

        PosixSignals.Send(node, PosixSignals.SigKill);
        var exit = await compare.Exited.WaitAsync(TimeSpan.FromSeconds(150));

        var results = ResultsReader.Load(Path.Combine(_out, ResultsWriter.ResultsFileName));
        Assert.False(results.Partial);
        // The ci profile runs 3 trials; node is killed in its first.
        Assert.Equal(CellStatus.Crashed, results.Cells.Single(c => c.Backend == "node" && c.Trial == 1).Status);
        Assert.Equal(CellStatus.Ok, results.Cells.Single(c => c.Backend == "python" && c.Trial == 1).Status);
        Assert.Contains("code 137", results.Cells.Single(c => c.Backend == "node" && c.Trial == 1).Failure!.Reason, StringComparison.Ordinal); // 128 + SIGKILL
        Assert.Equal(3, exit);
        Assert.All(before, pid => Assert.False(ProcessTree.IsAlive(pid), $"pid {pid} ({CommandLine(pid)}) outlived compare"));
    }

    [Fact(Timeout = 300_000)]
    public async Task Sigint_mid_run_exits_within_5_s_with_a_valid_partial_results_file_and_no_process_left()
    {
        // The second cell is python's: wait until its load is measuring, so node's cell is complete and python's is not.
        var inSecondCell = false;
        var compare = StartCompare("node,python", line =>
        {
            inSecondCell |= line.Contains("[2/", StringComparison.Ordinal) && line.Contains("python", StringComparison.Ordinal);
            return inSecondCell && line.Contains("devices: measuring", StringComparison.Ordinal);
        });
        await compare.WaitUntilReadyAsync(TimeSpan.FromSeconds(150), CancellationToken.None);
        var before = ProcessTree.Descendants(compare.Pid);

        PosixSignals.Send(compare.Pid, PosixSignals.SigInt);
        var exited = await Task.WhenAny(compare.Exited, Task.Delay(TimeSpan.FromSeconds(5))) == compare.Exited;
        await compare.StopAsync(TimeSpan.FromSeconds(1));

        Assert.True(exited, "compare did not exit within 5 s of SIGINT");
        Assert.Equal(3, await compare.Exited);
        var results = ResultsReader.Load(Path.Combine(_out, ResultsWriter.ResultsFileName));
        Assert.True(results.Partial);
        Assert.Equal("node", Assert.Single(results.Cells).Backend);
        Assert.All(before, pid => Assert.False(ProcessTree.IsAlive(pid), $"pid {pid} ({CommandLine(pid)}) outlived compare"));
    }

    private SupervisedProcess StartCompare(string backends, Func<string, bool> waitFor)
    {
        var root = RepositoryRoot.Locate();
        var bench = Path.Combine(root, "harness/src/Bench.Harness/bin", BuildConfiguration, "net10.0/bench.dll");
        string[] args = [bench, "compare", "--profile", "ci", "--backends", backends, "--workloads", "ws-fleet", "--out", _out];
        return SupervisedProcess.Start(new ProcessSpec("compare", "dotnet", args, root, new Dictionary<string, string>()), waitFor);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
