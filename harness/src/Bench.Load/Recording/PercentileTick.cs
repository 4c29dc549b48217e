namespace Bench.Load.Recording;

/// <summary>
/// One row of a percentile spectrum (an <c>.hgrm</c> line): the value reached at a percentile level, the
/// level itself in percent, and the number of recorded values up to and including that value.
/// </summary>
public readonly record struct PercentileTick(long Value, double Percentile, long TotalCountToValue)
{
    /// <summary>1 / (1 - percentile): the "nines" axis of a spectrum plot; infinite at 100 %.</summary>
    public double InverseTail => 1.0 / (1.0 - (Percentile / 100.0));
}
