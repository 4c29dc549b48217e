namespace Bench.Backend.Analyze;

/// <summary>The .NET backend's own kernel: plain loops and MathNet.Numerics' FFT (the default).</summary>
internal sealed class MathNetAnalyzeKernel : IAnalyzeKernel
{
    public const string KernelName = "mathnet";

    public string Name => KernelName;

    public AnalyzeResult Run(AnalyzeRequest request) => AnalyzeJob.Run(request);
}
