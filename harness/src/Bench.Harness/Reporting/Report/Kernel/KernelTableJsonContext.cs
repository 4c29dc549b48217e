using System.Text.Json.Serialization;

namespace Bench.Harness.Reporting.Report.Kernel;

/// <summary>Source-generated JSON for kernel-table.json as bench/Bench.Micro writes it (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(KernelTable))]
internal sealed partial class KernelTableJsonContext : JsonSerializerContext;
