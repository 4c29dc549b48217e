namespace Bench.Backend.Tests.Support;

/// <summary>Paths in the repository, found by walking up from the test binaries to the folder holding Bench.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vectors(string fileName) => Path.Combine(Root, "workloads", "contract", "vectors", fileName);

    /// <summary>The backend as the harness runs it, built in the same configuration as these tests.</summary>
    public static string BackendDll
    {
        get
        {
            // AppContext.BaseDirectory is .../Bench.Backend.Tests/bin/<Configuration>/<tfm>/
            var tfmDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfmDirectory.Parent!.Name;
            return Path.Combine(Root, "dotnet-backend", "Bench.Backend", "bin", configuration, tfmDirectory.Name, "Bench.Backend.dll");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bench.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no Bench.sln above {AppContext.BaseDirectory}");
    }
}
