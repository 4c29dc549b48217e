namespace Bench.Harness.Sampling;

/// <summary>Samples nothing: resource sampling switched off, or an OS without /proc.</summary>
internal sealed class NullProcessSampler : IProcessSampler
{
    public static readonly NullProcessSampler Instance = new();

    private NullProcessSampler()
    {
    }

    public IReadOnlyList<ProcessReading> SampleTree(int rootPid, IReadOnlyCollection<int> excludedRoots) => [];
}
