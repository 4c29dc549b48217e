using System.Text.Json.Serialization;

namespace Bench.Load.Engine;

/// <summary>
/// Closed model: <see cref="Connections"/> devices, each with at most one send outstanding. Without an
/// <see cref="Interval"/> each sends again as soon as it is answered (wrk's model); with one, each sends every
/// interval from the start, and a send due while the previous one is unanswered waits for it and counts late.
/// </summary>
public sealed record ClosedLoadSpec : LoadSpec
{
    public int Connections { get; init; } = 64;

    public TimeSpan? Interval { get; init; }

    [JsonIgnore]
    public override int DeviceCount => Connections;

    protected override void ValidateModel(List<string> errors)
    {
        Check(errors, Connections >= 1, $"connections must be ≥ 1, was {Connections}");
        Check(errors, Interval is null || Interval > TimeSpan.Zero, $"interval must be positive when given, was {Interval}");
    }
}
