namespace Bench.Harness.Sampling;

/// <summary>One sample of one watched process tree, summed over its processes.</summary>
/// <param name="Source">The watched tree's name: <c>backend</c>, <c>broker</c>, <c>generator</c>.</param>
/// <param name="At">When the sample was taken.</param>
/// <param name="Interval">Wall time since the previous sample of this tree; zero for the first one.</param>
/// <param name="Processes">Live processes in the tree.</param>
/// <param name="CpuTime">CPU time the tree consumed during <paramref name="Interval"/>.</param>
/// <param name="CpuPercent">CPU as a percentage of one core (200 = two cores busy); null for the first sample, which only sets the baseline.</param>
/// <param name="CpuPercentOfMachine">CPU as a percentage of all cores (100 = every core busy); null for the first sample.</param>
/// <param name="RssBytes">Resident memory, summed (double-counts pages shared between processes).</param>
/// <param name="PssBytes">Proportional memory, summed (shared pages counted once overall).</param>
/// <param name="Threads">Threads, summed.</param>
/// <param name="OpenFiles">Open file descriptors, summed (a socket is one).</param>
internal sealed record ResourceSample(
    string Source,
    DateTimeOffset At,
    TimeSpan Interval,
    int Processes,
    TimeSpan CpuTime,
    double? CpuPercent,
    double? CpuPercentOfMachine,
    long RssBytes,
    long PssBytes,
    int Threads,
    int OpenFiles);
