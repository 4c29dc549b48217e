namespace Bench.Harness.Reporting.Report.Kernel;

/// <summary>One row of the kernel table: the analyze job at <paramref name="N"/> samples in each language; null where not measured.</summary>
/// <param name="N">Samples per job.</param>
/// <param name="CSharp">The .NET backend's kernel (MathNet), BenchmarkDotNet.</param>
/// <param name="PythonInProcess">The Python backend's kernel (NumPy) called in-process through embedded CPython, BenchmarkDotNet.</param>
/// <param name="Node">The Node.js backend's kernel (fft.js), timed in its own process.</param>
internal sealed record KernelTableRow(int N, KernelMeasurement? CSharp, KernelMeasurement? PythonInProcess, KernelMeasurement? Node);
