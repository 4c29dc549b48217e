namespace Bench.Harness.Agents;

/// <summary>Names and shapes of the <see cref="RunWorkload"/>s.</summary>
internal static class RunWorkloads
{
    private static readonly Dictionary<string, RunWorkload> ByName = new(StringComparer.Ordinal)
    {
        ["http-ingest"] = RunWorkload.HttpIngest,
        ["ws-fleet"] = RunWorkload.WsFleet,
        ["mqtt-fleet"] = RunWorkload.MqttFleet,
        ["cpu-jobs"] = RunWorkload.CpuJobs,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string name, out RunWorkload workload) => ByName.TryGetValue(name, out workload);

    public static string Name(this RunWorkload workload) => ByName.First(kv => kv.Value == workload).Key;

    /// <summary>Fleets hold one connection per device for the whole run; request workloads share a pool.</summary>
    public static bool ConnectionPerDevice(this RunWorkload workload) => workload is RunWorkload.WsFleet or RunWorkload.MqttFleet;
}
