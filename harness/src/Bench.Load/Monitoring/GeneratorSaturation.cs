using System.Globalization;

namespace Bench.Load.Monitoring;

/// <summary>
/// Decides whether a run measured the generator instead of the backend (methodology §1.5, item 7): its CPU stayed at
/// or above <see cref="CpuThreshold"/> of the CPUs it may use, or more than <see cref="LateOrDroppedThreshold"/> of its
/// sends could not leave on time.
/// </summary>
public static class GeneratorSaturation
{
    public const double CpuThreshold = 0.90;

    public const double LateOrDroppedThreshold = 0.01;

    /// <summary>
    /// "Stayed" means the median second: a generator busy ≥ 90% for at least half of the measured seconds was the
    /// bottleneck for that half, while a single busy second (GC, connection burst) does not condemn a run.
    /// </summary>
    public static SaturationVerdict Evaluate(IReadOnlyList<double> cpuPerSecond, long sent, long late, long dropped)
    {
        ArgumentNullException.ThrowIfNull(cpuPerSecond);
        var reasons = new List<string>();
        if (cpuPerSecond.Count > 0)
        {
            double median = Median(cpuPerSecond);
            if (median >= CpuThreshold)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"generator CPU median {median:P0} ≥ {CpuThreshold:P0} of its CPUs"));
            }
        }

        long attempted = sent + dropped;
        if (attempted > 0 && (double)(late + dropped) / attempted > LateOrDroppedThreshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"{late + dropped} of {attempted} sends late or dropped ({(double)(late + dropped) / attempted:P2} > {LateOrDroppedThreshold:P0})"));
        }

        return reasons.Count == 0 ? SaturationVerdict.NotSaturated : new SaturationVerdict(true, string.Join("; ", reasons));
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
