namespace Bench.Micro.Kernels;

/// <summary>One kernel's time per call at one N. <see cref="AllocatedBytes"/> is .NET memory, null where not measured.</summary>
public sealed record KernelMeasurement(double MeanNs, double StdDevNs, long? AllocatedBytes, string Source);

/// <summary>One row of the kernel table: the three languages at one N.</summary>
public sealed record KernelRow(int N, KernelMeasurement? CSharp, KernelMeasurement? PythonInProcess, KernelMeasurement? Node);

/// <summary>What node-kernel.mjs printed for one N.</summary>
public sealed record NodeKernelResult(int N, int CallsPerBatch, int Batches, double MeanNs, double StdDevNs, double MedianNs, double MinNs, double MaxNs);

/// <summary>node-kernel.mjs's whole output.</summary>
public sealed record NodeKernelReport(string Node, IReadOnlyList<NodeKernelResult> Results);
