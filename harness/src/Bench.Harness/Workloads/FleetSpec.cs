namespace Bench.Harness.Workloads;

/// <summary>Persistent devices: each sends one reading every <paramref name="SendInterval"/>; connections open at <paramref name="ConnectRate"/> per second.</summary>
internal sealed record FleetSpec(TimeSpan SendInterval, double ConnectRate, TimeSpan ConnectTimeout, TimeSpan AckTimeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long connecting <paramref name="devices"/> takes at the connect rate: the ramp over which memory per connection is measured.</summary>
    public TimeSpan RampDuration(int devices) => TimeSpan.FromSeconds(devices / ConnectRate);
}
