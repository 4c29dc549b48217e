using Bench.Harness.Sampling;

namespace Bench.UnitTests.Sampling;

/// <summary>Returns prepared readings per root PID, one list per call, and remembers what it was asked.</summary>
internal sealed class ScriptedSampler : IProcessSampler
{
    private readonly Dictionary<int, Queue<IReadOnlyList<ProcessReading>>> _script = [];

    public List<(int Root, int[] Excluded)> Calls { get; } = [];

    public ScriptedSampler Then(int rootPid, params ProcessReading[] readings)
    {
        if (!_script.TryGetValue(rootPid, out var queue))
        {
            _script[rootPid] = queue = new Queue<IReadOnlyList<ProcessReading>>();
        }

        queue.Enqueue(readings);
        return this;
    }

    public IReadOnlyList<ProcessReading> SampleTree(int rootPid, IReadOnlyCollection<int> excludedRoots)
    {
        Calls.Add((rootPid, [.. excludedRoots]));
        return _script.TryGetValue(rootPid, out var queue) && queue.Count > 0 ? queue.Dequeue() : [];
    }

    public static ProcessReading Process(int pid, double cpuSeconds, long rssMb = 10, int threads = 1, int files = 3, long startTime = 1) =>
        new(pid, startTime, TimeSpan.FromSeconds(cpuSeconds), rssMb << 20, rssMb << 19, threads, files);
}
