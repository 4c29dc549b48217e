namespace Bench.Harness.Orchestration.Compare;

/// <summary>Drives one kind of workload against a running backend and measures it.</summary>
internal interface IWorkloadDriver
{
    Task<DriverOutcome> RunAsync(CellContext context, CancellationToken cancellationToken);
}
