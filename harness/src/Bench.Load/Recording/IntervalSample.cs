namespace Bench.Load.Recording;

/// <summary>
/// What happened in one interval (normally one second) of a run: counts of sends, acknowledgements, errors by
/// kind, late and dropped sends, connection churn, the open connections at its end, and its latency digest.
/// </summary>
public sealed record IntervalSample(
    int Index,
    TimeSpan Start,
    TimeSpan Length,
    long Sends,
    long Acks,
    IReadOnlyList<long> ErrorsByKind,
    long Late,
    long Dropped,
    long ConnectionsOpened,
    long ConnectionsClosed,
    long OpenConnections,
    LatencySummary Latency)
{
    public long Errors(ErrorKind kind) => ErrorsByKind[(int)kind];

    public long TotalErrors => ErrorsByKind.Sum();

    /// <summary>Acknowledgements per second over this interval.</summary>
    public double AckRate => Length > TimeSpan.Zero ? Acks / Length.TotalSeconds : 0;
}
