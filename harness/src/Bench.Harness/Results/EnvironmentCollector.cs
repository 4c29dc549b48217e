using Bench.Harness.Sampling;

namespace Bench.Harness.Results;

/// <summary>Collects the <see cref="EnvironmentManifest"/> of this machine and repository. Nothing here fails a run: an unknown value is null.</summary>
internal static class EnvironmentCollector
{
    /// <summary>Debian packages whose versions shape the Python contender and the broker.</summary>
    public static readonly IReadOnlyList<string> DebianPackages =
        ["python3-fastapi", "python3-uvicorn", "python3-uvloop", "python3-httptools", "python3-websockets", "python3-numpy", "python3-paho-mqtt", "mosquitto"];

    public static async Task<EnvironmentManifest> CollectAsync(string root, string commandLine, CancellationToken cancellationToken)
    {
        // The queries are independent and each may take a second (dotnet --version); run them together.
        var dotnet = VersionAsync("dotnet", ["--version"], root, cancellationToken);
        var node = VersionAsync("node", ["--version"], root, cancellationToken);
        var python = VersionAsync("/usr/bin/python3", ["--version"], root, cancellationToken);
        var dpkg = CommandOutput.RunAsync("dpkg-query", ["-W", "-f", "${Package} ${Version}\n", .. DebianPackages], root, cancellationToken);
        var git = GitAsync(root, cancellationToken);

        var packages = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, version) in NpmPackages(root))
        {
            packages[$"npm:{name}"] = version;
        }

        var installed = await dpkg is { } listing ? EnvironmentFacts.DpkgVersions(listing.Output) : new Dictionary<string, string>();
        foreach (var name in DebianPackages)
        {
            packages[$"deb:{name}"] = installed.GetValueOrDefault(name);
        }

        return new EnvironmentManifest(
            ReadFile("/etc/os-release") is { } osRelease ? EnvironmentFacts.OsName(osRelease) : null,
            ReadFile("/proc/sys/kernel/osrelease")?.Trim(),
            ReadFile("/proc/cpuinfo") is { } cpuinfo ? EnvironmentFacts.CpuModel(cpuinfo) : null,
            MachineCpus.Online,
            ReadFile("/proc/meminfo") is { } meminfo ? EnvironmentFacts.MemoryTotalBytes(meminfo) : null,
            OpenFilesLimitReader.Read(),
            new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["dotnet"] = await dotnet, ["node"] = await node, ["python"] = await python },
            packages,
            await git,
            commandLine);
    }

    private static async Task<string?> VersionAsync(string fileName, IReadOnlyList<string> arguments, string root, CancellationToken cancellationToken) =>
        await CommandOutput.RunAsync(fileName, arguments, root, cancellationToken) is (0, var output) ? EnvironmentFacts.VersionNumber(output) : null;

    private static async Task<GitState?> GitAsync(string root, CancellationToken cancellationToken)
    {
        var head = await CommandOutput.RunAsync("git", ["rev-parse", "HEAD"], root, cancellationToken);
        var status = await CommandOutput.RunAsync("git", ["status", "--porcelain"], root, cancellationToken);
        return head is (0, { Length: > 0 } commit) && status is (0, var changes) ? new GitState(commit, changes.Length > 0) : null;
    }

    private static IReadOnlyDictionary<string, string?> NpmPackages(string root)
    {
        var text = ReadFile(Path.Combine(root, "node-reference", "package-lock.json"));
        try
        {
            return text is null ? new Dictionary<string, string?>() : EnvironmentFacts.NpmDirectDependencies(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return new Dictionary<string, string?>();
        }
    }

    private static string? ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
