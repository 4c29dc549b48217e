using Bench.Python.Analyze;
using Bench.Python.Tests.Support;

namespace Bench.Python.Tests;

[Collection(EmbeddedPythonCollection.Name)]
public sealed class NumPyAnalyzerTests
{
    [PythonFact]
    public void Every_contract_vector_gives_the_expected_result()
    {
        foreach (var vector in ContractVectors.Analyze)
            AssertMatches(vector, Run(vector));
    }

    [PythonFact]
    public void Sixteen_threads_calling_at_once_each_get_their_own_correct_results()
    {
        var vectors = ContractVectors.Analyze.Where(v => v.Samples.Length <= 8192).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(16);
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            // Each thread walks the vectors from its own offset, so different inputs are in flight together.
            for (var round = 0; round < 3 * vectors.Length; round++)
            {
                var vector = vectors[(t + round) % vectors.Length];
                var problem = Mismatch(vector, Run(vector));
                if (problem is not null)
                    failures.Enqueue($"thread {t}: {problem}");
            }
        })).ToArray();
        foreach (var thread in threads)
            thread.Start();

        Assert.All(threads, thread => Assert.True(thread.Join(TimeSpan.FromMinutes(2)), "a thread did not finish"));
        Assert.Empty(failures);
    }

    [PythonFact]
    public void Memory_does_not_grow_over_ten_thousand_calls()
    {
        var vector = ContractVectors.Analyze.First(v => v.Samples.Length == 256);
        var sys = EmbeddedPython.Runtime.Import("sys");
        for (var i = 0; i < 500; i++)
            Run(vector);
        var blocksBefore = AllocatedBlocks(sys);
        var residentBefore = ResidentBytes();

        for (var i = 0; i < 10_000; i++)
            Run(vector);

        var blockGrowth = AllocatedBlocks(sys) - blocksBefore;
        var residentGrowth = ResidentBytes() - residentBefore;
        // A reference leaked per call would keep at least one Python object (a block) per call alive, and
        // a lost native buffer its 2 KiB of samples: 10,000 blocks, or 20 MB of resident memory.
        Assert.True(blockGrowth < 1_000, $"Python holds {blockGrowth} more memory blocks after 10,000 calls");
        Assert.True(residentGrowth < 12L * 1024 * 1024, $"resident memory grew by {residentGrowth} bytes over 10,000 calls");
    }

    [PythonFact]
    public void A_kernel_error_surfaces_as_a_python_exception_and_the_analyzer_keeps_working()
    {
        var vector = ContractVectors.Analyze.First(v => v.Samples.Length == 1024);

        // A window longer than the samples: the kernel's sliding_window_view refuses it.
        var error = Assert.Throws<PythonException>(() => EmbeddedPython.Analyzer.Analyze(vector.Samples.AsSpan(0, 16), 100, 64, 4));

        Assert.Equal("ValueError", error.PythonType);
        Assert.Contains("sliding_window_view", error.PythonTraceback, StringComparison.Ordinal);
        AssertMatches(vector, Run(vector));
    }

    private static NumPyAnalysis Run(AnalyzeVector vector) =>
        EmbeddedPython.Analyzer.Analyze(vector.Samples, vector.SampleRateHz, vector.Window, vector.Threshold);

    private static void AssertMatches(AnalyzeVector vector, NumPyAnalysis actual) =>
        Assert.True(Mismatch(vector, actual) is null, Mismatch(vector, actual));

    private static string? Mismatch(AnalyzeVector vector, NumPyAnalysis actual)
    {
        var expected = vector.Expected;
        if (actual.N != expected.GetProperty("n").GetInt32())
            return $"{vector.Name}: n {actual.N}";
        foreach (var (name, value) in new[] { ("mean", actual.Mean), ("std", actual.Std), ("min", actual.Min), ("max", actual.Max), ("dominantHz", actual.DominantHz) })
        {
            var want = expected.GetProperty(name).GetDouble();
            if (!ContractVectors.Agrees(want, value))
                return $"{vector.Name}: {name} {value}, expected {want}";
        }
        var anomalies = expected.GetProperty("anomalies").EnumerateArray().Select(a => a.GetInt32());
        return anomalies.SequenceEqual(actual.Anomalies) ? null : $"{vector.Name}: anomalies differ";
    }

    private static long AllocatedBlocks(PythonModule sys) =>
        long.Parse(sys.Call("getallocatedblocks"), System.Globalization.CultureInfo.InvariantCulture);

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // /proc/self/statm: size resident shared … in pages.
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }
}
