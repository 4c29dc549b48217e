using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>The load engine inside the harness process (--in-process): no child, so its CPU and descriptors are the harness's own.</summary>
internal sealed class InProcessAgent(AgentAssignment assignment, LoadRunner runner) : ILoadAgent
{
    public AgentAssignment Assignment { get; } = assignment;

    public async Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress> progress, CancellationToken cancellationToken)
    {
        try
        {
            return await runner(spec, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new AgentFailedException(new AgentFailure(Assignment.Name, Environment.ProcessId, $"{ex.GetType().Name}: {ex.Message}", null, []));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
