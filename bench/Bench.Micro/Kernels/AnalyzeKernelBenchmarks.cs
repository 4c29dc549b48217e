using Bench.Backend.Analyze;
using Bench.Python;
using Bench.Python.Analyze;
using BenchmarkDotNet.Attributes;

namespace Bench.Micro.Kernels;

/// <summary>
/// The analyze job (contract §4) without HTTP in the way: the .NET backend's kernel (loops + MathNet FFT)
/// against the Python backend's NumPy kernel called in-process through embedded CPython. The Node.js kernel
/// is timed out of process by bench/scripts/node-kernel.mjs and joined to this table afterwards.
/// </summary>
/// <remarks>Allocated counts .NET memory only: NumPy's arrays live in Python's heap, which the diagnoser cannot see.</remarks>
public class AnalyzeKernelBenchmarks
{
    private AnalyzeRequest _request = null!;
    private NumPyAnalyzer _numpy = null!;

    [Params(1024, 4096, 16384, 65536)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The request owns a pooled buffer only when it is disposed; this one never is, so a plain array will do.
        _request = new AnalyzeRequest(KernelVectors.Samples(N), N, KernelVectors.SampleRateHz, KernelVectors.Window, KernelVectors.Threshold);
        _numpy = NumPyAnalyzer.Create(PythonRuntime.Initialize());
    }

    // Each returns a number taken from its result, which BenchmarkDotNet consumes so the call cannot be elided
    // (the backend's result type is internal, and benchmark methods are public).
    [Benchmark(Baseline = true)]
    public double CSharpMathNet() => AnalyzeJob.Run(_request).DominantHz;

    [Benchmark]
    public double PythonNumPyInProcess() =>
        _numpy.Analyze(_request.Samples, _request.SampleRateHz, _request.Window, _request.Threshold).DominantHz;
}
