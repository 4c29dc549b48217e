namespace Bench.Harness.Results;

/// <summary>RLIMIT_NOFILE: the soft and hard limits on open descriptors; null means unlimited.</summary>
internal sealed record OpenFilesLimit(long? Soft, long? Hard);
