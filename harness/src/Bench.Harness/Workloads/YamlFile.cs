using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bench.Harness.Workloads;

/// <summary>Reads one YAML file into its definition type; a syntax error, unknown field or wrong type becomes one reported problem.</summary>
internal static class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static T? Read<T>(string path, ValidationReport report)
        where T : class
    {
        try
        {
            var definition = Deserializer.Deserialize<T>(File.ReadAllText(path));
            if (definition is null)
            {
                report.Add("(file)", "is empty");
            }

            return definition;
        }
        catch (YamlException ex)
        {
            // YamlDotNet wraps conversion failures; the inner message names the value, the outer one only the node.
            var message = ex.InnerException?.Message ?? ex.Message;
            report.Add($"line {ex.Start.Line}, column {ex.Start.Column}", message.Replace($"on type '{typeof(T).FullName}'", "", StringComparison.Ordinal).Trim());
            return null;
        }
    }
}
