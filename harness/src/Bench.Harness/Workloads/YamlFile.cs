using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bench.Harness.Workloads;

/// <summary>Reads one YAML file into its definition type; a syntax error, unknown field or wrong type becomes one reported problem.</summary>
internal static partial class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>YamlDotNet names the C# type in some messages ("… not found on type 'Bench…'"); users know only the file.</summary>
    [GeneratedRegex(@" on type '[^']*'")]
    private static partial Regex TypeName();

    private static string Readable(string message)
    {
        var wrongType = WrongType().Match(message);
        if (!wrongType.Success)
        {
            return TypeName().Replace(message, "");
        }

        var expected = wrongType.Groups[1].Value switch
        {
            "System.String" => "a single value (text)",
            var t when t.Contains("Int32", StringComparison.Ordinal) => "a whole number",
            var t when t.Contains("Double", StringComparison.Ordinal) => "a number",
            var t when t.Contains("List", StringComparison.Ordinal) => "a list",
            _ => "a section of fields",
        };
        return $"has the wrong shape: expected {expected}";
    }

    /// <summary>"… deserialize the node into type System.Int32, System.Private.CoreLib, …" says which C# type was expected.</summary>
    [GeneratedRegex(@"No node deserializer was able to deserialize the node into type ([\w.`\[\]]+).*")]
    private static partial Regex WrongType();

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
            report.Add($"line {ex.Start.Line}, column {ex.Start.Column}", Readable(message));
            return null;
        }
    }
}
