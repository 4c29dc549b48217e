namespace Bench.Harness.Results;

/// <summary>Where and how a run happened, so its numbers can be reproduced or explained. Unknown values are null.</summary>
/// <param name="Os">PRETTY_NAME from /etc/os-release.</param>
/// <param name="Kernel">/proc/sys/kernel/osrelease.</param>
/// <param name="CpuModel">The first "model name" in /proc/cpuinfo.</param>
/// <param name="Cores">Logical CPUs of the machine.</param>
/// <param name="MemoryBytes">MemTotal from /proc/meminfo.</param>
/// <param name="OpenFilesLimit">The harness's RLIMIT_NOFILE (children inherit it).</param>
/// <param name="Runtimes">Runtime versions: dotnet, node, python.</param>
/// <param name="Packages">Key package versions, keyed <c>npm:NAME</c> (node-reference/package-lock.json) or <c>deb:NAME</c> (dpkg).</param>
/// <param name="Git">The repository's commit and whether the working tree had changes.</param>
/// <param name="CommandLine">The exact command line of the run.</param>
internal sealed record EnvironmentManifest(
    string? Os,
    string? Kernel,
    string? CpuModel,
    int Cores,
    long? MemoryBytes,
    OpenFilesLimit? OpenFilesLimit,
    IReadOnlyDictionary<string, string?> Runtimes,
    IReadOnlyDictionary<string, string?> Packages,
    GitState? Git,
    string CommandLine);
