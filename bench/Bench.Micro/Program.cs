using Bench.Micro.Kernels;
using Bench.Micro.Running;
using BenchmarkDotNet.Running;

namespace Bench.Micro;

/// <summary>
/// <c>./bench.sh micro [BenchmarkDotNet arguments]</c>: the microbenchmarks, then the kernel table when the
/// analyze kernels ran. Arguments go to BenchmarkDotNet unchanged (<c>--filter</c>, <c>--list flat</c>, <c>--job</c> …).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = MicroArguments.FindRepositoryRoot();
        var arguments = MicroArguments.WithDefaults(args, root, DateTimeOffset.Now);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments, MicroConfig.Create()).ToList();
        var kernels = summaries.FirstOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(AnalyzeKernelBenchmarks)));
        if (kernels is null)
            return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;

        NodeKernelReport? node = null;
        try
        {
            Console.WriteLine("// Timing the Node.js kernel out of process (bench/scripts/node-kernel.mjs)");
            node = await NodeKernelTimer.RunAsync(root, kernels.ResultsDirectoryPath);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // The table is still written, with the Node.js column empty, and the reason is on the console.
            await Console.Error.WriteLineAsync($"bench micro: Node.js kernel not timed: {e.Message}");
        }
        var table = KernelTable.Build(kernels, node);
        Console.WriteLine();
        Console.WriteLine(KernelTable.Write(table, kernels.ResultsDirectoryPath));
        Console.WriteLine($"// Kernel table: {Path.Combine(kernels.ResultsDirectoryPath, KernelTable.FileStem)}.{{md,csv,json}}");
        return node is null ? 1 : 0;
    }
}
