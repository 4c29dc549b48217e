using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bench.Harness.Orchestration;

/// <summary>The contenders known to Bench, read from workloads/backends.yaml and validated whole.</summary>
internal sealed class BackendCatalog(IReadOnlyList<BackendSpec> backends)
{
    public const string RelativePath = "workloads/backends.yaml";

    public IReadOnlyList<BackendSpec> Backends { get; } = backends;

    public static BackendCatalog Load(string root)
    {
        var path = Path.Combine(root, RelativePath);
        var errors = new List<string>();
        BackendCatalogDefinition? definition;
        try
        {
            definition = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<BackendCatalogDefinition>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new InvalidInputException([$"{RelativePath}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}"]);
        }

        var specs = new List<BackendSpec>();
        foreach (var (item, index) in (definition?.Backends ?? []).Select((b, i) => (b, i)))
        {
            var where = $"{RelativePath}: backends[{index}]";
            if (string.IsNullOrWhiteSpace(item.Name)) errors.Add($"{where}.name is required");
            if (string.IsNullOrWhiteSpace(item.Command)) errors.Add($"{where}.command is required");
            if (string.IsNullOrWhiteSpace(item.Workdir)) errors.Add($"{where}.workdir is required");
            else if (!Directory.Exists(Path.Combine(root, item.Workdir))) errors.Add($"{where}.workdir '{item.Workdir}' does not exist");
            if (item.Name is not null && specs.Any(s => s.Name == item.Name)) errors.Add($"{where}.name '{item.Name}' appears twice");
            var workers = Workers(item.Workers, $"{where}.workers", errors);
            foreach (var feature in (item.Features ?? []).Where(f => !BackendSpec.KnownFeatures.ContainsKey(f)))
            {
                errors.Add($"{where}.features: unknown feature '{feature}' (known: {string.Join(", ", BackendSpec.KnownFeatures.Keys)})");
            }

            if (errors.Count == 0)
            {
                specs.Add(new BackendSpec(item.Name!, item.Description ?? item.Name!, item.Language ?? "unknown", item.Workdir!, item.Command!,
                    item.Args ?? [], item.Env ?? [], item.Exempt ?? [], workers)
                { Features = item.Features ?? [] });
            }
        }

        if (specs.Count == 0 && errors.Count == 0) errors.Add($"{RelativePath}: no backends are defined");
        return errors.Count > 0 ? throw new InvalidInputException(errors) : new BackendCatalog(specs);
    }

    private static int Workers(string? text, string where, List<string> errors)
    {
        if (text is null)
        {
            return 1;
        }

        if (text == "cores")
        {
            return Math.Max(1, Environment.ProcessorCount);
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 64)
        {
            return count;
        }

        errors.Add($"{where} must be a number from 1 to 64 or 'cores', was '{text}'");
        return 1;
    }

    /// <summary>Resolves a comma-separated selection; every unknown name is reported at once.</summary>
    public IReadOnlyList<BackendSpec> Select(IEnumerable<string> names)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        var unknown = wanted.Where(n => Backends.All(b => b.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidInputException(unknown.Select(n => $"unknown backend '{n}' (known: {string.Join(", ", Backends.Select(b => b.Name))})").ToList());
        }

        return wanted.Count == 0 ? Backends : wanted.Distinct().Select(n => Backends.First(b => b.Name == n)).ToList();
    }
}
