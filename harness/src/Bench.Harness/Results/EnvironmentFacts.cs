using System.Globalization;
using System.Text.Json;

namespace Bench.Harness.Results;

/// <summary>Parsers for the files and command outputs the environment manifest is built from.</summary>
internal static class EnvironmentFacts
{
    /// <summary>PRETTY_NAME (or NAME) from /etc/os-release; values may be quoted.</summary>
    public static string? OsName(string osRelease)
    {
        var values = osRelease.Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim().Trim('"'), StringComparer.Ordinal);
        return values.GetValueOrDefault("PRETTY_NAME") ?? values.GetValueOrDefault("NAME");
    }

    /// <summary>The first "model name" of /proc/cpuinfo (x86; some ARM kernels have none).</summary>
    public static string? CpuModel(string cpuinfo) =>
        cpuinfo.Split('\n')
            .Where(line => line.StartsWith("model name", StringComparison.Ordinal))
            .Select(line => line.Split(':', 2)[^1].Trim())
            .FirstOrDefault();

    /// <summary>MemTotal from /proc/meminfo, in bytes.</summary>
    public static long? MemoryTotalBytes(string meminfo)
    {
        var line = meminfo.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var number = line?["MemTotal:".Length..].Trim().Split(' ')[0];
        return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes * 1024 : null;
    }

    /// <summary>The installed version of each direct dependency in an npm package-lock.json (lockfile v2/v3).</summary>
    public static IReadOnlyDictionary<string, string?> NpmDirectDependencies(string packageLock)
    {
        using var json = JsonDocument.Parse(packageLock);
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        if (!json.RootElement.TryGetProperty("packages", out var packages)
            || !packages.TryGetProperty("", out var rootPackage)
            || !rootPackage.TryGetProperty("dependencies", out var dependencies))
        {
            return result;
        }

        foreach (var dependency in dependencies.EnumerateObject())
        {
            result[dependency.Name] = packages.TryGetProperty($"node_modules/{dependency.Name}", out var installed)
                && installed.TryGetProperty("version", out var version)
                    ? version.GetString()
                    : null;
        }

        return result;
    }

    /// <summary>Parses <c>dpkg-query -W -f '${Package} ${Version}\n'</c> output: one "name version" per line.</summary>
    public static IReadOnlyDictionary<string, string> DpkgVersions(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2 && parts[1].Length > 0)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    /// <summary>"Python 3.11.2" → "3.11.2", "v20.19.2" → "20.19.2": the version without its decoration.</summary>
    public static string? VersionNumber(string? output)
    {
        var first = output?.Split('\n')[0].Trim();
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }

        var word = first.Split(' ')[^1];
        return word.StartsWith('v') ? word[1..] : word;
    }
}
