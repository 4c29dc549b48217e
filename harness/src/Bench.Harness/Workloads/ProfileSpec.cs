namespace Bench.Harness.Workloads;

/// <summary>A validated profile: what to run (workloads × scales × trials) and for how long.</summary>
/// <param name="Name">The file name without extension (for example <c>quick</c>).</param>
/// <param name="Description">One line for reports.</param>
/// <param name="SourceFile">The file it came from, relative to the repository root.</param>
/// <param name="Scales">Device counts, ascending.</param>
/// <param name="Trials">Repetitions of every cell.</param>
/// <param name="Workloads">The workloads to run, in order.</param>
/// <param name="Durations">Warm-up, measured phase and ladder step.</param>
/// <param name="Slo">What a ladder step must meet to count toward capacity.</param>
/// <param name="Budget">The time the whole run must fit in; null when the profile sets none.</param>
internal sealed record ProfileSpec(
    string Name,
    string Description,
    string SourceFile,
    IReadOnlyList<int> Scales,
    int Trials,
    IReadOnlyList<WorkloadSpec> Workloads,
    PhaseDurations Durations,
    SloSpec Slo,
    BudgetSpec? Budget)
{
    /// <summary>The backends compare runs without --backends; null means every backend in backends.yaml.</summary>
    public IReadOnlyList<string>? Backends { get; init; }

    /// <summary>
    /// Backends added to <see cref="Backends"/> on some workloads only (workload name → backend names), when compare is
    /// given no --backends: architecture variants run where a claim needs them instead of through every workload.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Variants { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Every backend name the variants add, in order of first appearance.</summary>
    public IEnumerable<string> VariantBackends => Variants.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="backend"/> runs <paramref name="workload"/>: it must offer the feature the workload needs,
    /// and a backend that is only a variant runs only the workloads it is listed under.
    /// </summary>
    public bool Runs(Orchestration.BackendSpec backend, WorkloadSpec workload)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(workload);
        if (!backend.Offers(workload.RequiredFeature))
        {
            return false;
        }

        var onlyVariant = Backends is { } named && !named.Contains(backend.Name) && VariantBackends.Contains(backend.Name);
        return !onlyVariant || (Variants.TryGetValue(workload.Name, out var listed) && listed.Contains(backend.Name));
    }

    /// <summary>
    /// True when compare runs the analyze-kernel microbenchmarks (bench/Bench.Micro) after the cells, so the report
    /// has a kernel table and claim C4 a measurement without HTTP.
    /// </summary>
    public bool KernelTable { get; init; }
}
