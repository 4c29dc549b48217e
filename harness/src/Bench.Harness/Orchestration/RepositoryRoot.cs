namespace Bench.Harness.Orchestration;

/// <summary>Finds the repository root (the folder holding Bench.sln), whatever the working directory.</summary>
internal static class RepositoryRoot
{
    public const string Marker = "Bench.sln";

    /// <summary>BENCH_ROOT wins; then the working directory and its parents; then the harness binary's location and its parents.</summary>
    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BENCH_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, Marker)))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return SearchUp(Directory.GetCurrentDirectory())
            ?? SearchUp(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"Cannot find the Bench repository root ({Marker}) above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'. Run from inside the repository or set BENCH_ROOT.");
    }

    private static string? SearchUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
