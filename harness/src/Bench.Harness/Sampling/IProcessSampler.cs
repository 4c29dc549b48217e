namespace Bench.Harness.Sampling;

/// <summary>Reads the resource use of a whole process tree: a backend with its workers, the broker, the generator.</summary>
internal interface IProcessSampler
{
    /// <summary>
    /// One reading per live process of the tree rooted at <paramref name="rootPid"/>, the root included.
    /// Subtrees rooted at <paramref name="excludedRoots"/> are left out (the harness's own tree holds the
    /// backends it started). Empty when the root is gone; a process that vanishes mid-read is skipped.
    /// </summary>
    IReadOnlyList<ProcessReading> SampleTree(int rootPid, IReadOnlyCollection<int> excludedRoots);
}
