namespace Bench.UnitTests.Workloads;

/// <summary>A temporary repository root holding only workloads/ and workloads/profiles/, for validation tests.</summary>
internal sealed class WorkloadFolder : IDisposable
{
    public const string ValidFleet = """
        kind: ws-fleet
        fleet:
          sendInterval: 5s
          connectRate: 1000
        """;

    public const string ValidProfile = """
        scales: [100]
        trials: 1
        durations: { warmup: 1s, measure: 2s, ladderStep: 1s }
        """;

    public WorkloadFolder()
    {
        Root = Directory.CreateTempSubdirectory("bench-workloads-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "workloads", "profiles"));
    }

    public string Root { get; }

    public WorkloadFolder Workload(string name, string yaml)
    {
        File.WriteAllText(Path.Combine(Root, "workloads", $"{name}.yaml"), yaml);
        return this;
    }

    public WorkloadFolder Profile(string name, string yaml)
    {
        File.WriteAllText(Path.Combine(Root, "workloads", "profiles", $"{name}.yaml"), yaml);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
