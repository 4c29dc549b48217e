namespace Bench.Load.Engine;

/// <summary>Drives one load model: issues sends from the timeline's start until its measured window ends.</summary>
internal interface ILoadRunner
{
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>After the drain: counts as dropped any send still held back, so none is skipped silently.</summary>
    void Abandon();
}
