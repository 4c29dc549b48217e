namespace Bench.Harness.Workloads;

/// <summary>
/// The analytics load of a pipeline workload: <paramref name="Devices"/> extra MQTT devices, each publishing a reading
/// with <paramref name="VibrationSamples"/> vibration numbers every <paramref name="SendInterval"/>. A pipeline backend
/// turns each into an analytics job and publishes the result on <c>devices/{id}/analysis</c>, which these devices wait
/// for (up to <paramref name="ResultTimeout"/>): their latency is the analysis latency, device send to result.
/// </summary>
internal sealed record AnalyticsSpec(int Devices, TimeSpan SendInterval, int VibrationSamples, TimeSpan ResultTimeout)
{
    /// <summary>The backend feature (workloads/backends.yaml <c>features:</c>) a pipeline workload needs.</summary>
    public const string Feature = "analysis";

    /// <summary>Readings per second, so analytics jobs per second, that the analytics devices send.</summary>
    public double JobRate => Devices / SendInterval.TotalSeconds;
}
