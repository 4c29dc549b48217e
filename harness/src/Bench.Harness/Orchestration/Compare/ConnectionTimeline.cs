namespace Bench.Harness.Orchestration.Compare;

/// <summary>Open connections over time as the agents report them (progress arrives on several threads).</summary>
internal sealed class ConnectionTimeline
{
    private readonly List<(DateTimeOffset At, int Open)> _points = [];
    private readonly Lock _gate = new();

    public void Add(DateTimeOffset at, long open)
    {
        lock (_gate)
        {
            _points.Add((at, (int)Math.Min(open, int.MaxValue)));
        }
    }

    public IReadOnlyList<(DateTimeOffset At, int Open)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _points];
        }
    }
}
