namespace Bench.Harness.Workloads;

/// <summary>Analyze jobs (contract §4) arriving at <paramref name="Rate"/> per second, sizes used in turn.</summary>
internal sealed record JobMixSpec(double Rate, IReadOnlyList<int> Sizes, double SampleRateHz, int Window, double Threshold, TimeSpan RequestTimeout)
{
    public const int DefaultWindow = 64;
    public const double DefaultThreshold = 4.0;
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Contract §4: N is a power of two from 16 to 65 536.</summary>
    public static bool IsValidSize(int size) => size is >= 16 and <= 65_536 && int.IsPow2(size);
}
