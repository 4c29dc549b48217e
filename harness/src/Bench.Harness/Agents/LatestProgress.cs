using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>Keeps only the newest progress report; readers take it at their own pace (once a second).</summary>
internal sealed class LatestProgress : IProgress<LoadProgress>
{
    private LoadProgress? _latest;

    public LoadProgress? Value => Volatile.Read(ref _latest);

    public void Report(LoadProgress value) => Volatile.Write(ref _latest, value);
}
