namespace Bench.Harness.Agents;

/// <summary>What a run tells its watcher while it goes: the live display, or a test.</summary>
internal interface IRunObserver
{
    /// <summary>A step finished (broker, backend or agents started); one line for the user.</summary>
    void Step(string line);

    /// <summary>Every agent is ready and about to get its spec.</summary>
    void AgentsStarted(IReadOnlyList<ILoadAgent> agents);

    void Progress(FleetProgress progress);
}
