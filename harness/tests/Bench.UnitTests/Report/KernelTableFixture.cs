using Bench.Harness.Reporting.Report.Kernel;

namespace Bench.UnitTests.Report;

/// <summary>Kernel tables for the tests: the JSON Bench.Micro writes, and rows built directly.</summary>
internal static class KernelTableFixture
{
    /// <summary>Two rows in Bench.Micro's format: NumPy slower than Node.js at 1024, the ranges overlapping at 4096.</summary>
    public const string Json = """
        {
          "unit": "ns",
          "rows": [
            {
              "n": 4096,
              "cSharp": { "meanNs": 351500, "stdDevNs": 35200, "allocatedBytes": 79348, "source": "BenchmarkDotNet" },
              "pythonInProcess": { "meanNs": 1006000, "stdDevNs": 70100, "allocatedBytes": 243, "source": "BenchmarkDotNet" },
              "node": { "meanNs": 1006200, "stdDevNs": 164400, "allocatedBytes": null, "source": "node-kernel.mjs, v20.20.2, out of process" }
            },
            {
              "n": 1024,
              "cSharp": { "meanNs": 91700, "stdDevNs": 7700, "allocatedBytes": 24208, "source": "BenchmarkDotNet" },
              "pythonInProcess": { "meanNs": 774600, "stdDevNs": 55700, "allocatedBytes": 185, "source": "BenchmarkDotNet" },
              "node": null
            }
          ]
        }
        """;

    public static KernelTableReading Reading(params KernelTableRow[] rows) => KernelTableReading.Of(new KernelTable("ns", rows));

    /// <summary>A row with NumPy's and Node.js's mean ± sd in microseconds.</summary>
    public static KernelTableRow Row(int n, (double Mean, double Sd)? numpy, (double Mean, double Sd)? node) => new(
        n,
        new KernelMeasurement(50_000, 1_000, 1_000, "BenchmarkDotNet"),
        numpy is { } p ? new KernelMeasurement(p.Mean * 1000, p.Sd * 1000, 200, "BenchmarkDotNet") : null,
        node is { } q ? new KernelMeasurement(q.Mean * 1000, q.Sd * 1000, null, "node-kernel.mjs") : null);
}
