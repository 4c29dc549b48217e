namespace Bench.Harness.Sampling;

/// <summary>Mean and maximum of one quantity over a window; both zero when the window held no sample.</summary>
internal readonly record struct SampleStatistics(double Mean, double Max, int Count)
{
    public static SampleStatistics Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? default : new SampleStatistics(list.Average(), list.Max(), list.Count);
    }
}
