namespace Bench.Load.Scheduling;

/// <summary>
/// One stage of an open-model arrival plan: the send rate moves linearly from <see cref="StartRate"/> to
/// <see cref="EndRate"/> (sends per second) over <see cref="Duration"/>; equal rates make a constant stage.
/// </summary>
public sealed record ArrivalStage(TimeSpan Duration, double StartRate, double EndRate)
{
    public static ArrivalStage Constant(double rate, TimeSpan duration) => new(duration, rate, rate);

    public static ArrivalStage Ramp(double fromRate, double toRate, TimeSpan duration) => new(duration, fromRate, toRate);

    public bool IsConstant => StartRate == EndRate;

    /// <summary>Sends due in this stage: the integral of the rate over its duration.</summary>
    public double Arrivals => (StartRate + EndRate) / 2 * Duration.TotalSeconds;

    /// <summary>
    /// Seconds into the stage at which the integrated rate reaches <paramref name="arrivals"/>: the positive root
    /// of a·t² + r₁·t = m with a = (r₂ − r₁) / 2D, written as 2m / (r₁ + √(r₁² + 4am)) so that it stays exact for
    /// constant rates and stable for ramps starting at zero.
    /// </summary>
    public double SecondsToReach(double arrivals)
    {
        double a = (EndRate - StartRate) / (2 * Duration.TotalSeconds);
        double discriminant = Math.Max((StartRate * StartRate) + (4 * a * arrivals), 0);
        double denominator = StartRate + Math.Sqrt(discriminant);
        return denominator == 0 ? 0 : 2 * arrivals / denominator;
    }
}
