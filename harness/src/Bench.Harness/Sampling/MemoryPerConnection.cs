namespace Bench.Harness.Sampling;

/// <summary>
/// Memory per connection: the least-squares slope of a tree's RSS against the connections open at each sample,
/// over the connection ramp. A slope over the ramp cancels the baseline (runtime, heap, code) that a plain
/// RSS / connections division would smear across every connection.
/// </summary>
internal static class MemoryPerConnection
{
    /// <summary>The minimum number of samples on the ramp for a slope to mean anything.</summary>
    public const int MinimumPoints = 3;

    /// <summary>
    /// Fits RSS (bytes) against open connections for the samples in [<paramref name="from"/>, <paramref name="to"/>].
    /// <paramref name="openConnections"/> is the generator's count over time (ascending); each sample takes the
    /// latest count at or before it. Null when the ramp held too few samples or the count never changed.
    /// </summary>
    public static LinearFit? Estimate(
        IReadOnlyList<ResourceSample> samples,
        IReadOnlyList<(DateTimeOffset At, int Open)> openConnections,
        DateTimeOffset from,
        DateTimeOffset to)
    {
        var points = new List<(double X, double Y)>();
        foreach (var sample in samples.Where(s => s.At >= from && s.At <= to))
        {
            var count = openConnections.LastOrDefault(c => c.At <= sample.At);
            if (count != default)
            {
                points.Add((count.Open, sample.RssBytes));
            }
        }

        return points.Count < MinimumPoints ? null : LinearFit.LeastSquares(points);
    }
}
