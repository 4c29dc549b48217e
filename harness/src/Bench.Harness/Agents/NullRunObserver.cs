namespace Bench.Harness.Agents;

/// <summary>Watches nothing.</summary>
internal sealed class NullRunObserver : IRunObserver
{
    public static NullRunObserver Instance { get; } = new();

    public void Step(string line)
    {
    }

    public void AgentsStarted(IReadOnlyList<ILoadAgent> agents)
    {
    }

    public void Progress(FleetProgress progress)
    {
    }
}
