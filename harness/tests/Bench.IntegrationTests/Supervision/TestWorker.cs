using Bench.Harness.Supervision;

namespace Bench.IntegrationTests.Supervision;

/// <summary>Process specs for the dummy child (Bench.TestWorker), built beside the test assembly's configuration.</summary>
internal static class TestWorker
{
    public static string DllPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<Configuration>/net10.0/
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Bench.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root!.FullName, "harness/tests/Bench.TestWorker/bin", configuration, "net10.0/Bench.TestWorker.dll");
        }
    }

    public static ProcessSpec Spec(string mode) =>
        new("testworker", "dotnet", [DllPath, mode, "4242"], AppContext.BaseDirectory, new Dictionary<string, string>());
}
