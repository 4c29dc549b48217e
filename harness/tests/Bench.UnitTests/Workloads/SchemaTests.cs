using System.Reflection;
using System.Text.Json;
using Bench.Harness.Orchestration;
using Bench.Harness.Workloads;
using YamlDotNet.Serialization;

namespace Bench.UnitTests.Workloads;

/// <summary>
/// The JSON Schemas in workloads/schema document the same files the C# validator reads. No JSON Schema validator
/// is available from the NuGet mirror, so these tests compare the schemas' structure with the definition types and
/// with every shipped file; the C# validator stays the one that runs.
/// </summary>
public class SchemaTests
{
    private static readonly string Root = RepositoryRoot.Locate();

    [Theory]
    [InlineData("workload.schema.json", typeof(WorkloadDefinition))]
    [InlineData("profile.schema.json", typeof(ProfileDefinition))]
    public void Every_schema_property_is_a_definition_property_and_back(string schemaFile, Type definition)
    {
        using var schema = LoadSchema(schemaFile);

        AssertSameProperties(schema.RootElement, definition, schemaFile);
    }

    [Fact]
    public void The_schema_lists_exactly_the_known_kinds()
    {
        using var schema = LoadSchema("workload.schema.json");
        var kinds = schema.RootElement.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString());

        Assert.Equal(WorkloadKinds.ByName.Keys, kinds);
    }

    [Fact]
    public void Every_shipped_file_uses_only_fields_the_schema_describes_and_has_its_required_ones()
    {
        using var workloadSchema = LoadSchema("workload.schema.json");
        using var profileSchema = LoadSchema("profile.schema.json");
        var files = Directory.GetFiles(Path.Combine(Root, "workloads"), "*.yaml").Where(f => Path.GetFileName(f) != "backends.yaml")
            .Select(f => (f, workloadSchema.RootElement))
            .Concat(Directory.GetFiles(Path.Combine(Root, "workloads", "profiles"), "*.yaml").Select(f => (f, profileSchema.RootElement)))
            .ToList();

        Assert.Equal(10, files.Count);
        foreach (var (file, schema) in files)
        {
            var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(file));
            AssertConforms(yaml, schema, Path.GetFileName(file));
        }
    }

    private static JsonDocument LoadSchema(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "workloads", "schema", name)));

    private static void AssertSameProperties(JsonElement schema, Type definition, string where)
    {
        var schemaProperties = schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var typeProperties = definition.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType);

        Assert.Equal(typeProperties.Keys.Order(), schemaProperties.Keys.Order());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean(), $"{where} must refuse unknown fields, as the loader does");
        foreach (var (name, type) in typeProperties.Where(p => p.Value.Name.EndsWith("Definition", StringComparison.Ordinal)))
        {
            AssertSameProperties(schemaProperties[name], type, $"{where}/{name}");
        }
    }

    private static void AssertConforms(Dictionary<object, object> yaml, JsonElement schema, string where)
    {
        var properties = schema.GetProperty("properties");
        foreach (var (key, value) in yaml)
        {
            Assert.True(properties.TryGetProperty((string)key, out var property), $"{where}: '{key}' is not in the schema");
            // A section with named fields is checked field by field; a map (variants: workload → backends) has none.
            if (value is Dictionary<object, object> section && property.TryGetProperty("properties", out _))
            {
                AssertConforms(section, property, $"{where}/{key}");
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                Assert.True(yaml.ContainsKey(name), $"{where}: the schema requires '{name}'");
            }
        }
    }
}
