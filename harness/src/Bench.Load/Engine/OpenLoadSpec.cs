using System.Text.Json.Serialization;
using Bench.Load.Scheduling;

namespace Bench.Load.Engine;

/// <summary>
/// Open model: sends arrive at <see cref="Rate"/> per second (or along <see cref="Stages"/>, which then cover the
/// measured window; warm-up runs at the first stage's starting rate), whatever the backend's answers, spread over
/// <see cref="Devices"/> device ids. At most <see cref="MaxInFlight"/> sends are outstanding; the rest are queued
/// (late) or dropped as <see cref="Backpressure"/> says.
/// </summary>
public sealed record OpenLoadSpec : LoadSpec
{
    public double Rate { get; init; }

    public IReadOnlyList<ArrivalStage>? Stages { get; init; }

    public int Devices { get; init; } = 1000;

    public int MaxInFlight { get; init; } = 1024;

    public BackpressurePolicy Backpressure { get; init; } = BackpressurePolicy.Queue;

    /// <summary>HTTP: connections in the pool.</summary>
    public int Connections { get; init; } = 64;

    [JsonIgnore]
    public override int DeviceCount => Devices;

    /// <summary>The arrival plan over warm-up and the measured window.</summary>
    public ArrivalPlan ToPlan()
    {
        var measured = Stages is { Count: > 0 } ? Stages : [ArrivalStage.Constant(Rate, Duration)];
        return WarmUp > TimeSpan.Zero
            ? new ArrivalPlan([ArrivalStage.Constant(measured[0].StartRate, WarmUp), .. measured])
            : new ArrivalPlan(measured);
    }

    protected override void ValidateModel(List<string> errors)
    {
        bool staged = Stages is { Count: > 0 };
        Check(errors, staged || (double.IsFinite(Rate) && Rate > 0), $"rate must be > 0 (or stages given), was {Rate}");
        if (staged)
        {
            var total = TimeSpan.FromTicks(Stages!.Sum(s => s.Duration.Ticks));
            Check(errors, total == Duration, $"stages must add up to duration ({Duration}), they add up to {total}");
            Check(errors, Stages!.All(s => s.Duration > TimeSpan.Zero && s.StartRate >= 0 && s.EndRate >= 0 && double.IsFinite(s.StartRate) && double.IsFinite(s.EndRate)),
                "every stage needs a positive duration and finite rates ≥ 0");
        }

        Check(errors, MaxInFlight >= 1, $"maxInFlight must be ≥ 1, was {MaxInFlight}");
        Check(errors, Connections >= 1, $"connections must be ≥ 1, was {Connections}");
    }
}
