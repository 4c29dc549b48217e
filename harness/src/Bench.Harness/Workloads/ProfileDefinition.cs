namespace Bench.Harness.Workloads;

/// <summary>A profile file (workloads/profiles/NAME.yaml) as written; <see cref="ProfileSpec"/> is the validated form.</summary>
internal sealed class ProfileDefinition
{
    public string? Description { get; set; }

    public List<int>? Scales { get; set; }

    public int? Trials { get; set; }

    public List<string>? Workloads { get; set; }

    /// <summary>Backends run when compare is given no --backends; omit for every backend in backends.yaml.</summary>
    public List<string>? Backends { get; set; }

    /// <summary>Architecture variants added to <see cref="Backends"/> on named workloads only (workload → backends).</summary>
    public Dictionary<string, List<string>>? Variants { get; set; }

    public DurationsDefinition? Durations { get; set; }

    public SloDefinition? Slo { get; set; }

    public BudgetDefinition? Budget { get; set; }

    /// <summary>Whether compare runs the analyze-kernel microbenchmarks after the cells; omitted means false.</summary>
    public bool? KernelTable { get; set; }
}
