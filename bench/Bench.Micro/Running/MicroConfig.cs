using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;

namespace Bench.Micro.Running;

/// <summary>The suite's configuration: allocations measured, results exported as Markdown, CSV and JSON.</summary>
internal static class MicroConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        // The default configuration already exports GitHub Markdown, CSV and HTML.
        .AddExporter(JsonExporter.Full);
}
