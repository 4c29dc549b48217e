using Bench.Python;
using Bench.Python.Analyze;

namespace Bench.Backend.Analyze;

/// <summary>
/// The analyze job run by NumPy inside this process (the <c>dotnet-py</c> variant): the Python backend's kernel
/// in an embedded CPython, reading the request's pooled samples in place. Request threads take turns at the GIL,
/// which is the effect this variant exists to show beside out-of-process Python workers.
/// </summary>
internal sealed class NumPyAnalyzeKernel(NumPyAnalyzer analyzer) : IAnalyzeKernel
{
    public const string KernelName = "numpy";

    public string Name => KernelName;

    /// <summary>Starts the interpreter and imports NumPy now, so that the first request does not pay for it.</summary>
    /// <exception cref="PythonUnavailableException">libpython3.11 or NumPy is missing.</exception>
    public static NumPyAnalyzeKernel Start() => new(NumPyAnalyzer.Create(PythonRuntime.Initialize()));

    public AnalyzeResult Run(AnalyzeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = analyzer.Analyze(request.Samples, request.SampleRateHz, request.Window, request.Threshold);
        return new AnalyzeResult(result.N, result.Mean, result.Std, result.Min, result.Max, result.DominantHz, result.Anomalies);
    }
}
