namespace Bench.Backend.Analyze;

/// <summary>Computes the analyze job (contract §4) for a validated request. Implementations are thread-safe.</summary>
internal interface IAnalyzeKernel
{
    /// <summary>The library doing the numeric work, as <c>BENCH_ANALYZER</c> names it.</summary>
    string Name { get; }

    AnalyzeResult Run(AnalyzeRequest request);
}
