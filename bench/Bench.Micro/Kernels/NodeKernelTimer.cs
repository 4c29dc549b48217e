using System.Diagnostics;
using System.Text.Json;

namespace Bench.Micro.Kernels;

/// <summary>
/// Runs bench/scripts/node-kernel.mjs over <see cref="KernelVectors"/>: the Node.js kernel measured in its own
/// process, since BenchmarkDotNet cannot host V8. Bounded in time; the child is killed if it overruns.
/// </summary>
internal static class NodeKernelTimer
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static async Task<NodeKernelReport> RunAsync(string repositoryRoot, string workDirectory)
    {
        var vectorsPath = Path.Combine(workDirectory, "kernel-vectors.json");
        await File.WriteAllTextAsync(vectorsPath, KernelVectors.ToJson());
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repositoryRoot,
            Environment = { ["NODE_ENV"] = "production" },
        };
        foreach (var argument in new[] { Path.Combine(repositoryRoot, "bench", "scripts", "node-kernel.mjs"), "--vectors", vectorsPath })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        using var deadline = new CancellationTokenSource(Deadline);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node-kernel.mjs did not finish within {Deadline}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node-kernel.mjs exited with {process.ExitCode}: {await errors}");
        return JsonSerializer.Deserialize<NodeKernelReport>(await output, Json)
            ?? throw new InvalidOperationException("node-kernel.mjs printed nothing");
    }
}
