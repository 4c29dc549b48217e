namespace Bench.Load.Scheduling;

/// <summary>A send released by <see cref="ArrivalScheduler"/>: its position in the plan and its intended timestamp.</summary>
/// <remarks>Latency is measured from <see cref="IntendedTimestamp"/>, not from when the send actually started.</remarks>
public readonly record struct ScheduledSend(long Index, long IntendedTimestamp);
