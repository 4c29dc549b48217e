namespace Bench.Harness.Workloads;

/// <summary>The profile's <c>budget</c> section.</summary>
internal sealed class BudgetDefinition
{
    public string? Total { get; set; }

    public string? StartupPerCell { get; set; }
}
