using Bench.Harness.Orchestration;

namespace Bench.Harness.Workloads;

/// <summary>
/// Every workload (workloads/*.yaml) and profile (workloads/profiles/*.yaml), validated whole before anything
/// starts: every problem in every file is reported at once, and any problem is an <see cref="InvalidInputException"/> (exit 2).
/// </summary>
internal sealed class WorkloadCatalog(IReadOnlyDictionary<string, WorkloadSpec> workloads, IReadOnlyDictionary<string, ProfileSpec> profiles)
{
    public const string WorkloadsDirectory = "workloads";
    public const string ProfilesDirectory = "workloads/profiles";
    public const string DefaultProfile = "quick";

    public IReadOnlyDictionary<string, WorkloadSpec> Workloads { get; } = workloads;

    public IReadOnlyDictionary<string, ProfileSpec> Profiles { get; } = profiles;

    /// <summary>
    /// Loads and validates every file; budgets are checked for <paramref name="backendCount"/> backends, or for the
    /// backends of <paramref name="lineup"/> (a profile's own list picked from it) with the features they offer.
    /// </summary>
    public static WorkloadCatalog Load(string root, int backendCount, IReadOnlyList<Orchestration.BackendSpec>? lineup = null)
    {
        var errors = new List<string>();
        var workloads = new Dictionary<string, WorkloadSpec>(StringComparer.Ordinal);
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, relative) in YamlFilesIn(root, WorkloadsDirectory))
        {
            var report = new ValidationReport(relative, errors);
            var definition = YamlFile.Read<WorkloadDefinition>(Path.Combine(root, relative), report);
            var spec = definition is null ? null : WorkloadValidator.Validate(name, definition, report);
            if (spec is null)
            {
                invalid.Add(name);
            }
            else
            {
                workloads[name] = spec;
            }
        }

        var profiles = new Dictionary<string, ProfileSpec>(StringComparer.Ordinal);
        foreach (var (name, relative) in YamlFilesIn(root, ProfilesDirectory))
        {
            var report = new ValidationReport(relative, errors);
            var definition = YamlFile.Read<ProfileDefinition>(Path.Combine(root, relative), report);
            if (definition is not null && ProfileValidator.Validate(name, definition, workloads, invalid, backendCount, report, lineup) is { } spec)
            {
                profiles[name] = spec;
            }
        }

        if (workloads.Count == 0 && invalid.Count == 0) errors.Add($"{WorkloadsDirectory}: no workload files (*.yaml)");
        if (profiles.Count == 0 && errors.Count == 0) errors.Add($"{ProfilesDirectory}: no profile files (*.yaml)");
        return errors.Count > 0 ? throw new InvalidInputException(errors) : new WorkloadCatalog(workloads, profiles);
    }

    /// <summary>The profile called <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public ProfileSpec Profile(string name) =>
        Profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new InvalidInputException([$"unknown profile '{name}' (known: {string.Join(", ", Profiles.Keys.Order(StringComparer.Ordinal))})"]);

    /// <summary>The YAML files directly in a folder, by name; workloads/backends.yaml describes backends, not a workload.</summary>
    private static IEnumerable<(string Name, string RelativePath)> YamlFilesIn(string root, string relativeDirectory)
    {
        var directory = Path.Combine(root, relativeDirectory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var backends = Path.GetFileName(BackendCatalog.RelativePath);
        return Directory.EnumerateFiles(directory)
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) != backends)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), $"{relativeDirectory}/{Path.GetFileName(path)}"))
            .ToList();
    }
}
