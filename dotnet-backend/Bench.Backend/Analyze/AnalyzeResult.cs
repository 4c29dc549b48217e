namespace Bench.Backend.Analyze;

/// <summary>The result of the analyze job (contract §4).</summary>
internal sealed record AnalyzeResult(int N, double Mean, double Std, double Min, double Max, double DominantHz, IReadOnlyList<int> Anomalies);
