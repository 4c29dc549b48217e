namespace Bench.Harness.Agents;

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread; <see cref="Progress{T}"/> would post to the thread pool and reorder reports.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
