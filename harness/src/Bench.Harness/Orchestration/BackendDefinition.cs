namespace Bench.Harness.Orchestration;

/// <summary>One backend as written in workloads/backends.yaml (file-read data; see <see cref="BackendSpec"/> for the resolved form).</summary>
internal sealed class BackendDefinition
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public string? Workdir { get; set; }

    public string? Command { get; set; }

    public List<string>? Args { get; set; }

    public Dictionary<string, string>? Env { get; set; }

    /// <summary>Worker processes for multi-process variants: a number, or <c>cores</c> for one per online CPU; default 1.</summary>
    public string? Workers { get; set; }

    /// <summary>Contract checks this variant is exempt from, with the reason (multi-process variants keep state per worker).</summary>
    public Dictionary<string, string>? Exempt { get; set; }

    /// <summary>What the backend offers beyond the contract, which some workloads need (<c>analysis</c>: results on devices/{id}/analysis).</summary>
    public List<string>? Features { get; set; }
}

/// <summary>The root of workloads/backends.yaml.</summary>
internal sealed class BackendCatalogDefinition
{
    public List<BackendDefinition>? Backends { get; set; }
}
