using Bench.Load.Engine;

namespace Bench.Harness.Agents;

/// <summary>Runs one load spec to its result: the load engine itself, or a stand-in in tests.</summary>
internal delegate Task<LoadResult> LoadRunner(LoadSpec spec, IProgress<LoadProgress>? progress, CancellationToken cancellationToken);
