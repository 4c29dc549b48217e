using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>One load generator holding its share of the fleet: an agent child process, or the harness itself (--in-process).</summary>
internal interface ILoadAgent : IAsyncDisposable
{
    AgentAssignment Assignment { get; }

    /// <summary>Runs the spec and returns what was measured; on cancellation, stops promptly and still returns it.
    /// Throws <see cref="AgentFailedException"/> when the agent dies, errs or falls silent.</summary>
    Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress> progress, CancellationToken cancellationToken);
}
