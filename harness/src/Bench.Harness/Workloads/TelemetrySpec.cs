namespace Bench.Harness.Workloads;

/// <summary>The readings sent: <paramref name="VibrationSamples"/> numbers in each vibration array (0 = none).</summary>
internal sealed record TelemetrySpec(int VibrationSamples)
{
    public static readonly TelemetrySpec Default = new(0);
}
