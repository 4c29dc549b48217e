namespace Bench.Python.Analyze;

/// <summary>The result of the analyze job (contract §4) as the NumPy kernel computed it.</summary>
public sealed record NumPyAnalysis(int N, double Mean, double Std, double Min, double Max, double DominantHz, IReadOnlyList<int> Anomalies);
