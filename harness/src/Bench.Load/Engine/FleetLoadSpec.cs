using System.Text.Json.Serialization;

namespace Bench.Load.Engine;

/// <summary>
/// A device fleet: <see cref="Devices"/> devices, each sending every <see cref="Interval"/> (stretched or shrunk per
/// device by up to ±<see cref="Jitter"/>, and phased at random so they do not fire together) on its own persistent
/// connection, or over HTTP through a pool of <see cref="Connections"/>. Devices do not wait for answers; a device
/// already holding <see cref="MaxInFlightPerDevice"/> unanswered sends drops the next one and counts it.
/// </summary>
public sealed record FleetLoadSpec : LoadSpec
{
    public int Devices { get; init; } = 1000;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Fraction (0 .. 0.5) by which each device's interval differs from <see cref="Interval"/>.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>Seeds the per-device intervals and phases, so a fleet is the same on every run.</summary>
    public int Seed { get; init; } = 1;

    public int MaxInFlightPerDevice { get; init; } = 4;

    /// <summary>HTTP: connections in the pool the devices share.</summary>
    public int Connections { get; init; } = 256;

    [JsonIgnore]
    public override int DeviceCount => Devices;

    protected override void ValidateModel(List<string> errors)
    {
        Check(errors, Interval >= TimeSpan.FromMilliseconds(1), $"interval must be ≥ 1 ms, was {Interval}");
        Check(errors, Jitter is >= 0 and <= 0.5, $"jitter must be in [0, 0.5], was {Jitter}");
        Check(errors, MaxInFlightPerDevice is >= 1 and <= 64, $"maxInFlightPerDevice must be in [1, 64], was {MaxInFlightPerDevice}");
        Check(errors, Connections >= 1, $"connections must be ≥ 1, was {Connections}");
    }
}
