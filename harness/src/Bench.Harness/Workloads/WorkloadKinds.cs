namespace Bench.Harness.Workloads;

/// <summary>The spelling of each <see cref="WorkloadKind"/> in files, and the sections each kind uses.</summary>
internal static class WorkloadKinds
{
    public static readonly IReadOnlyDictionary<string, WorkloadKind> ByName = new Dictionary<string, WorkloadKind>(StringComparer.Ordinal)
    {
        ["http-ingest"] = WorkloadKind.HttpIngest,
        ["ws-fleet"] = WorkloadKind.WsFleet,
        ["mqtt-fleet"] = WorkloadKind.MqttFleet,
        ["cpu-jobs"] = WorkloadKind.CpuJobs,
        ["mixed"] = WorkloadKind.Mixed,
        ["pipeline"] = WorkloadKind.Pipeline,
    };

    public static string Name(WorkloadKind kind) => ByName.First(entry => entry.Value == kind).Key;

    /// <summary>Sections the kind must have; any section neither required nor optional for it is an error.</summary>
    public static IReadOnlyList<string> Required(WorkloadKind kind) => kind switch
    {
        WorkloadKind.HttpIngest => ["ladder"],
        WorkloadKind.WsFleet => ["fleet"],
        WorkloadKind.MqttFleet => ["fleet"],
        WorkloadKind.CpuJobs => ["jobs"],
        WorkloadKind.Mixed => ["fleet", "jobs"],
        WorkloadKind.Pipeline => ["fleet", "analytics"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Sections the kind may have; absent ones take their defaults.</summary>
    public static IReadOnlyList<string> Optional(WorkloadKind kind) => kind switch
    {
        WorkloadKind.HttpIngest => ["telemetry", "http"],
        WorkloadKind.WsFleet => ["telemetry"],
        WorkloadKind.MqttFleet => ["telemetry", "mqtt"],
        WorkloadKind.CpuJobs => [],
        WorkloadKind.Mixed => ["telemetry"],
        WorkloadKind.Pipeline => ["telemetry", "mqtt"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
