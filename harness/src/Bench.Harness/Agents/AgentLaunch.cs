using Bench.Harness.Supervision;

namespace Bench.Harness.Agents;

/// <summary>How to start a <c>bench agent</c> child: <c>dotnet bench.dll agent</c>, the very harness that is running.</summary>
internal static class AgentLaunch
{
    public const string AssemblyFile = "bench.dll";

    public static ProcessSpec Spec(string root) =>
        new("agent", "dotnet", [BenchDll(root), "agent"], root, new Dictionary<string, string>());

    /// <summary>
    /// This assembly when it can run on its own (its runtimeconfig beside it); otherwise, as when it is loaded by
    /// a test host, the harness's own build output of the same configuration.
    /// </summary>
    private static string BenchDll(string root)
    {
        var self = typeof(AgentLaunch).Assembly.Location;
        if (File.Exists(Path.ChangeExtension(self, ".runtimeconfig.json")))
        {
            return self;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var built = Path.Combine(root, "harness/src/Bench.Harness/bin", configuration, "net10.0", AssemblyFile);
        return File.Exists(built) ? built : throw new InvalidOperationException($"cannot find a runnable {AssemblyFile}: build harness/src/Bench.Harness ({built})");
    }
}
