namespace Bench.Harness.Workloads;

/// <summary>Turns a <see cref="ProfileDefinition"/> into a <see cref="ProfileSpec"/>, recording every problem.</summary>
internal static class ProfileValidator
{
    public const int MaxScale = 1_000_000;
    public const int MaxTrials = 100;

    /// <summary>
    /// The spec, or null when this file has a problem. Workloads are looked up in <paramref name="workloads"/>
    /// (the valid ones); names of invalid workload files are accepted silently, their own errors say enough.
    /// The budget is checked against the estimate for the profile's own backends, else <paramref name="backendCount"/>
    /// backends; a workload that needs a feature counts the backends of <paramref name="lineup"/> offering it (none when
    /// no lineup is given).
    /// </summary>
    public static ProfileSpec? Validate(
        string name,
        ProfileDefinition definition,
        IReadOnlyDictionary<string, WorkloadSpec> workloads,
        IReadOnlySet<string> invalidWorkloads,
        int backendCount,
        ValidationReport report,
        IReadOnlyList<Orchestration.BackendSpec>? lineup = null)
    {
        var scales = Scales(definition.Scales, report);
        var trials = report.Check("trials", report.Required("trials", definition.Trials), t => t is >= 1 and <= MaxTrials, $"1 to {MaxTrials}") ?? 1;
        var selected = Workloads(definition.Workloads, workloads, invalidWorkloads, report);
        var durations = Durations(definition.Durations, report);
        var slo = new SloSpec(
            TimeSpan.FromMilliseconds(report.Check("slo.p99Ms", definition.Slo?.P99Ms, ms => ms > 0 && double.IsFinite(ms), "greater than 0") ?? SloSpec.Default.P99.TotalMilliseconds),
            report.Check("slo.maxErrorPercent", definition.Slo?.MaxErrorPercent, p => p is > 0 and <= 100, "greater than 0 and at most 100") ?? SloSpec.Default.MaxErrorPercent);
        var budget = definition.Budget is null ? null : Budget(definition.Budget, report);
        if (report.HasErrors)
        {
            return null;
        }

        var spec = new ProfileSpec(name, definition.Description ?? "", report.File, scales, trials, selected, durations, slo, budget)
        {
            Backends = definition.Backends is { Count: > 0 } named ? named : null,
            KernelTable = definition.KernelTable ?? false,
            Variants = Variants(definition, selected, lineup, report),
        };
        if (report.HasErrors)
        {
            return null;
        }

        backendCount = spec.Backends?.Count ?? backendCount;
        var chosen = lineup is null ? null : spec.Backends is { } names
            ? [.. lineup.Where(b => names.Contains(b.Name) || spec.VariantBackends.Contains(b.Name))]
            : lineup;
        var estimate = chosen is { Count: > 0 } ? RunEstimate.For(spec, chosen) : RunEstimate.For(spec, backendCount);
        if (budget is not null && estimate > budget.Total)
        {
            report.Add("budget.total", $"the estimate for {backendCount} backend(s) × {selected.Count} workload(s) is {DurationText.Format(estimate)}, over the budget of {DurationText.Format(budget.Total)}: shorten durations or remove scales");
            return null;
        }

        return spec;
    }

    private static Dictionary<string, IReadOnlyList<string>> Variants(
        ProfileDefinition definition, IReadOnlyList<WorkloadSpec> selected, IReadOnlyList<Orchestration.BackendSpec>? lineup, ValidationReport report)
    {
        var variants = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (definition.Variants is not { Count: > 0 } written)
        {
            return variants;
        }

        if (definition.Backends is not { Count: > 0 })
        {
            report.Add("variants", "needs a backends list: variants are added to it on some workloads (without one, every backend runs everything)");
        }

        foreach (var (workload, names) in written)
        {
            if (selected.All(w => w.Name != workload))
            {
                report.Add($"variants.{workload}", $"is not one of this profile's workloads ({string.Join(", ", selected.Select(w => w.Name))})");
            }

            if (names is not { Count: > 0 })
            {
                report.Add($"variants.{workload}", "must list at least one backend");
                continue;
            }

            foreach (var unknown in names.Where(n => lineup is not null && lineup.All(b => b.Name != n)))
            {
                report.Add($"variants.{workload}", $"'{unknown}' is not a backend in workloads/backends.yaml");
            }

            variants[workload] = names;
        }

        return variants;
    }

    private static List<int> Scales(List<int>? scales, ValidationReport report)
    {
        if (scales is null || scales.Count == 0)
        {
            report.Add("scales", "is required: a list of device counts such as [1000, 10000]");
            return [];
        }

        foreach (var (scale, index) in scales.Select((s, i) => (s, i)))
        {
            report.Check($"scales[{index}]", (int?)scale, s => s is >= 1 and <= MaxScale, $"1 to {MaxScale}");
            if (index > 0 && scale <= scales[index - 1])
            {
                report.Add($"scales[{index}]", $"must be greater than the scale before it, {scales[index - 1]} (got {scale})");
            }
        }

        return scales;
    }

    private static List<WorkloadSpec> Workloads(
        List<string>? names, IReadOnlyDictionary<string, WorkloadSpec> workloads, IReadOnlySet<string> invalidWorkloads, ValidationReport report)
    {
        if (names is null)
        {
            return [.. workloads.Values.OrderBy(w => w.Name, StringComparer.Ordinal)];
        }

        if (names.Count == 0)
        {
            report.Add("workloads", "must name at least one workload (or be omitted for all of them)");
        }

        var known = string.Join(", ", workloads.Keys.Concat(invalidWorkloads).Order(StringComparer.Ordinal));
        var selected = new List<WorkloadSpec>();
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            if (names.IndexOf(name) != index)
            {
                report.Add($"workloads[{index}]", $"'{name}' is listed twice");
            }
            else if (workloads.TryGetValue(name, out var workload))
            {
                selected.Add(workload);
            }
            else if (!invalidWorkloads.Contains(name))
            {
                report.Add($"workloads[{index}]", $"unknown workload '{name}' (known: {known})");
            }
        }

        return selected;
    }

    private static PhaseDurations Durations(DurationsDefinition? definition, ValidationReport report) => new(
        report.Duration("durations.warmup", definition?.Warmup, null, TimeSpan.Zero) ?? TimeSpan.Zero,
        report.Duration("durations.measure", definition?.Measure, null, TimeSpan.FromMilliseconds(100)) ?? TimeSpan.Zero,
        report.Duration("durations.ladderStep", definition?.LadderStep, null, TimeSpan.FromMilliseconds(100)) ?? TimeSpan.Zero);

    private static BudgetSpec Budget(BudgetDefinition definition, ValidationReport report) => new(
        report.Duration("budget.total", definition.Total, null, TimeSpan.FromSeconds(1)) ?? TimeSpan.Zero,
        report.Duration("budget.startupPerCell", definition.StartupPerCell, null, TimeSpan.Zero) ?? TimeSpan.Zero);
}
