using Bench.Harness.Workloads;
using Bench.Load.Engine;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>The driver of each workload kind.</summary>
internal static class WorkloadDrivers
{
    public static IWorkloadDriver For(WorkloadKind kind) => kind switch
    {
        WorkloadKind.HttpIngest => new HttpIngestDriver(),
        WorkloadKind.WsFleet => new FleetDriver(LoadProtocol.WebSocket),
        WorkloadKind.MqttFleet => new FleetDriver(LoadProtocol.Mqtt),
        WorkloadKind.CpuJobs => new CpuJobsDriver(),
        WorkloadKind.Mixed => new MixedDriver(),
        WorkloadKind.Pipeline => new PipelineDriver(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no driver for this workload kind"),
    };
}
