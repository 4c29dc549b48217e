namespace Bench.Load.Engine;

/// <summary>A once-per-second view of a running load: the last second's rates and the measured p99 so far.</summary>
/// <remarks><c>P99Microseconds</c> is the intended-time p99 over the measured window so far (over the last second before it starts).</remarks>
public sealed record LoadProgress(
    TimeSpan Elapsed,
    LoadPhase Phase,
    double SendsPerSecond,
    double AcksPerSecond,
    long P99Microseconds,
    long OpenConnections,
    long Errors,
    double GeneratorCpu);
