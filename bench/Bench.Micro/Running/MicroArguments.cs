namespace Bench.Micro.Running;

/// <summary>
/// BenchmarkDotNet's command line with Bench's defaults filled in: every benchmark (<c>--filter *</c>; without a
/// filter BenchmarkDotNet asks on the console), <c>--job short</c> (the default job takes over an hour on a 2-core
/// machine, short a quarter of that) and results under <c>results/micro/&lt;timestamp&gt;</c> of the repository.
/// </summary>
internal static class MicroArguments
{
    public static string[] WithDefaults(IReadOnlyList<string> args, string repositoryRoot, DateTimeOffset now)
    {
        var result = new List<string>(args);
        if (!args.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal)))
            result.AddRange(["--filter", "*"]);
        if (!args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal)))
            result.AddRange(["--job", "short"]);
        if (!args.Any(a => a is "--artifacts" || a.StartsWith("--artifacts=", StringComparison.Ordinal)))
            result.AddRange(["--artifacts", Path.Combine(repositoryRoot, "results", "micro", now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture))]);
        return [.. result];
    }

    /// <summary>The value of <c>--artifacts</c>.</summary>
    public static string ArtifactsPath(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--artifacts" && i + 1 < args.Count)
                return Path.GetFullPath(args[i + 1]);
            if (args[i].StartsWith("--artifacts=", StringComparison.Ordinal))
                return Path.GetFullPath(args[i]["--artifacts=".Length..]);
        }
        throw new ArgumentException("no --artifacts argument", nameof(args));
    }

    /// <summary>The folder holding Bench.sln above the running binaries.</summary>
    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bench.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no Bench.sln above {AppContext.BaseDirectory}");
    }
}
