using System.Text.RegularExpressions;
using Bench.Harness.Reporting.Report.Kernel;
using Bench.Harness.Supervision;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// compare's last phase for profiles with <c>kernelTable: true</c>: bench/Bench.Micro's analyze-kernel benchmarks
/// (BenchmarkDotNet ShortRun, then the Node.js kernel out of process) as a supervised child, its whole output in
/// <c>micro/micro.log</c>. Success leaves <c>micro/kernel-table.json</c>; anything else leaves the reason in
/// <c>micro/kernel-table-failed.txt</c>. Either way the cells already measured are untouched.
/// </summary>
internal sealed partial class KernelTablePhase(string root, string resultsDirectory, string? cpuList)
{
    /// <summary>The whole phase is cut off here; it took 3 min 17 s on a busy 2-core machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    public const string LogFileName = "micro.log";

    public string MicroDll => Path.Combine(root, "bench", "Bench.Micro", "bin", "Release", "net10.0", "Bench.Micro.dll");

    private string Folder => Path.Combine(resultsDirectory, KernelTableFile.Folder);

    /// <summary>The arguments Bench.Micro gets: the kernel benchmarks only, the short job, artifacts under the results folder.</summary>
    public IReadOnlyList<string> Arguments => [MicroDll, "--filter", "*AnalyzeKernel*", "--job", "short", "--artifacts", Folder];

    /// <summary>Runs the phase; returns the reading the report will see. <paramref name="progress"/> gets one line per step.</summary>
    public async Task<KernelTableReading> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        File.Delete(KernelTableFile.PathIn(resultsDirectory));
        File.Delete(KernelTableFile.FailedPathIn(resultsDirectory));
        var reading = File.Exists(MicroDll)
            ? await MeasureAsync(progress, cancellationToken).ConfigureAwait(false)
            : KernelTableReading.Failed($"{Path.GetRelativePath(root, MicroDll)} is not built (dotnet build bench/Bench.Micro -c Release, or ./bench.sh compare, which builds it)");
        if (reading.Problem is { } problem)
        {
            KernelTableFile.WriteFailure(resultsDirectory, problem);
        }

        return reading;
    }

    private async Task<KernelTableReading> MeasureAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var log = new StreamWriter(Path.Combine(Folder, LogFileName)) { AutoFlush = true };
        await using (log.ConfigureAwait(false))
        {
            var spec = new ProcessSpec("bench-micro", "dotnet", Arguments, root, new Dictionary<string, string>(StringComparer.Ordinal), cpuList);
            await log.WriteLineAsync($"$ {spec.CommandLine}").ConfigureAwait(false);
            var gate = new Lock();
            var child = SupervisedProcess.StartWithLineProtocol(spec, line => Record(line, log, gate, progress));
            await using (child.ConfigureAwait(false))
            {
                var problem = await WaitAsync(child, cancellationToken).ConfigureAwait(false);
                await child.StandardOutputClosed.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
                lock (gate)
                {
                    // With the line protocol only standard error reaches the tail; it goes after standard output.
                    log.WriteLine("--- standard error (last lines) ---");
                    foreach (var line in child.Output.Snapshot())
                    {
                        log.WriteLine(line);
                    }
                }

                return problem is null ? Collect(await child.Exited.ConfigureAwait(false)) : KernelTableReading.Failed(problem);
            }
        }
    }

    private static async Task<string?> WaitAsync(SupervisedProcess child, CancellationToken cancellationToken)
    {
        try
        {
            await child.Exited.WaitAsync(Deadline, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (TimeoutException)
        {
            await child.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            return $"timed out after {Deadline.TotalMinutes:0} minutes (see micro/{LogFileName})";
        }
        catch (OperationCanceledException)
        {
            await child.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            return "interrupted (Ctrl-C or SIGTERM)";
        }
    }

    // Bench.Micro writes the table into BenchmarkDotNet's results folder; the report reads it one level up, so a
    // later `bench micro` into the same artifacts folder cannot change what an existing report says.
    private KernelTableReading Collect(int exitCode)
    {
        var written = Path.Combine(Folder, "results", KernelTableFile.FileName);
        if (!File.Exists(written))
        {
            return KernelTableReading.Failed($"Bench.Micro exited with code {exitCode} and wrote no kernel table (see micro/{LogFileName})");
        }

        var json = File.ReadAllText(written);
        var reading = KernelTableFile.Parse(json, $"micro/results/{KernelTableFile.FileName}");
        if (reading.Table is { } table && table.Rows.All(r => r.CSharp is null && r.PythonInProcess is null))
        {
            // Bench.Micro still times Node.js and exits 0 when BenchmarkDotNet could not build or run the benchmarks.
            return KernelTableReading.Failed($"BenchmarkDotNet measured no kernel, only Node.js was timed (see micro/{LogFileName})");
        }

        if (reading.Table is not null)
        {
            File.WriteAllText(KernelTableFile.PathIn(resultsDirectory), json);
        }

        return reading;
    }

    private static void Record(string line, StreamWriter log, Lock gate, Action<string> progress)
    {
        lock (gate)
        {
            log.WriteLine(line);
        }

        if (Remaining().Match(line) is { Success: true } remaining)
        {
            progress($"kernel table: {remaining.Groups[1].Value}");
        }
        else if (line.StartsWith("// Timing the Node.js kernel", StringComparison.Ordinal))
        {
            progress("kernel table: timing the Node.js kernel out of process");
        }
    }

    /// <summary>BenchmarkDotNet's "// ** Remained 5 (62.5%) benchmark(s) to run. Estimated finish … **".</summary>
    [GeneratedRegex(@"^// \*\* Remained (\d+ \([\d.]+ ?%\) benchmark\(s\) to run)")]
    private static partial Regex Remaining();
}
